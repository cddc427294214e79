import type { JsonSchema } from '../lib/api/json-schema';

// For tests: checks a value against the API document itself (JSON Schema 2020-12, for the
// keywords the document uses), not against the zod schema it was generated from, so a body the
// document promises is a body the code really accepts or sends. A keyword it does not know
// throws: a new kind of schema cannot pass unchecked.

type Media = { schema: JsonSchema };
export type ApiAnswer = { description: string; content?: Record<string, Media> };
export type ApiOperation = {
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema: JsonSchema }[];
  requestBody?: { required?: boolean; content: Record<string, Media> };
  responses: Record<string, ApiAnswer>;
};
export type ApiDocument = {
  paths: Record<string, Record<string, ApiOperation>>;
  components: { schemas: Record<string, JsonSchema> };
};

const ANNOTATIONS = new Set(['description', 'examples', 'format', 'title']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
  object: isObject,
  array: Array.isArray,
};

/** Why `value` does not fit `schema` (`$ref`s resolved in `doc`); empty when it fits. */
export function schemaErrors(
  doc: ApiDocument,
  schema: JsonSchema,
  value: unknown,
  at = 'body',
): string[] {
  const errors: string[] = [];
  const fail = (why: string) => errors.push(`${at}: ${why}`);
  const text = typeof value === 'string' ? value : null;
  // `never`: each case reads its keyword's argument as the type that keyword takes.
  for (const [keyword, arg] of Object.entries(schema) as [string, never][]) {
    switch (keyword) {
      case '$ref':
        errors.push(...schemaErrors(doc, resolve(doc, arg), value, at));
        break;
      case 'allOf':
        for (const part of arg as JsonSchema[]) errors.push(...schemaErrors(doc, part, value, at));
        break;
      case 'anyOf':
        if (!(arg as JsonSchema[]).some((s) => schemaErrors(doc, s, value, at).length === 0))
          fail('fits none of anyOf');
        break;
      case 'type':
        if (![arg].flat().some((t: string) => TYPES[t]?.(value))) fail(`is not ${arg}`);
        break;
      case 'enum':
        if (!(arg as unknown[]).includes(value)) fail(`is not one of ${arg}`);
        break;
      case 'const':
        if (value !== arg) fail(`is not ${arg}`);
        break;
      case 'pattern':
        if (text !== null && !new RegExp(arg, 'u').test(text)) fail(`does not match ${arg}`);
        break;
      // JSON Schema counts characters (code points), not UTF-16 units.
      case 'minLength':
        if (text !== null && [...text].length < arg) fail(`is shorter than ${arg}`);
        break;
      case 'maxLength':
        if (text !== null && [...text].length > arg) fail(`is longer than ${arg}`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < arg) fail(`is below ${arg}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > arg) fail(`is above ${arg}`);
        break;
      case 'properties':
        if (!isObject(value)) break;
        for (const [key, sub] of Object.entries(arg as Record<string, JsonSchema>)) {
          if (Object.hasOwn(value, key))
            errors.push(...schemaErrors(doc, sub, value[key], `${at}.${key}`));
        }
        break;
      case 'required':
        if (!isObject(value)) break;
        for (const key of arg as string[]) if (!Object.hasOwn(value, key)) fail(`lacks ${key}`);
        break;
      case 'additionalProperties': {
        if (arg !== false) throw new Error(`schema-check: additionalProperties ${arg}`);
        if (!isObject(value)) break;
        const known = schema.properties ?? {};
        for (const key of Object.keys(value)) if (!Object.hasOwn(known, key)) fail(`has ${key}`);
        break;
      }
      case 'items':
        if (!Array.isArray(value)) break;
        for (const [i, item] of value.entries())
          errors.push(...schemaErrors(doc, arg, item, `${at}[${i}]`));
        break;
      default:
        if (!ANNOTATIONS.has(keyword)) throw new Error(`schema-check: unknown keyword ${keyword}`);
    }
  }
  return errors;
}

function resolve(doc: ApiDocument, ref: string): JsonSchema {
  const name = ref.replace('#/components/schemas/', '');
  const schema = doc.components.schemas[name];
  if (!schema) throw new Error(`schema-check: no schema ${ref}`);
  return schema;
}

/** The JSON schema of an operation's request body, or of one of its answers (`$ref` followed). */
export function bodySchema(doc: ApiDocument, path: string, method: string, status?: string) {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`schema-check: no operation ${method} ${path}`);
  const content = status === undefined ? op.requestBody?.content : op.responses[status]?.content;
  const schema = content?.['application/json']?.schema;
  if (!schema) throw new Error(`schema-check: ${method} ${path} ${status ?? 'body'} has no schema`);
  return typeof schema.$ref === 'string' ? resolve(doc, schema.$ref) : schema;
}

/** Why an answer does not fit what the document says `method path` answers with `status`. */
export function answerErrors(
  doc: ApiDocument,
  path: string,
  method: string,
  status: number,
  body: unknown,
): string[] {
  return schemaErrors(doc, bodySchema(doc, path, method, String(status)), body);
}
