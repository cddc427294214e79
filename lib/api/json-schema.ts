import { z } from 'zod';

// zod → JSON Schema draft 2020-12 (the dialect of OpenAPI 3.1) for the API document. A request
// is described by what its parser accepts (io 'input': a price may be sent as 500 or "500.5"),
// an answer by what we send (io 'output': the price comes back as "500.50"). A part zod cannot
// express (a transform with no schema after it) throws, so it fails the tests instead of
// leaving a hole in the document.

export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** What the shop may send: the input side of a parser's schema. */
export function sentSchema(schema: z.ZodType): JsonSchema {
  return withoutDialect(z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }));
}

/** What the shop gets: the output side of an answer's schema. */
export function answeredSchema(schema: z.ZodType): JsonSchema {
  return withoutDialect(
    z.toJSONSchema(schema, { io: 'output', target: 'draft-2020-12', override: openAnswer }),
  );
}

/**
 * Answers may gain fields, and a shop validating them must not break when one does, so they
 * are not closed (zod closes every output object). A `format` (date-time, uuid) says what
 * zod's long pattern for it says, more readably.
 */
function openAnswer({ jsonSchema }: { jsonSchema: JsonSchema }) {
  if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
  if (jsonSchema.format !== undefined) delete jsonSchema.pattern;
}

/** The document declares the dialect once (OpenAPI 3.1), not in every schema. */
function withoutDialect({ $schema: _, ...schema }: JsonSchema): JsonSchema {
  return schema;
}
