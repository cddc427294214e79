import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_PRICES, HOSTILE_STRINGS, seededRandom, wrongValue } from '../../test/hostile-payloads';
import { type ApiDocument, bodySchema, schemaErrors } from '../../test/schema-check';
import { isDzdAmount } from '../money';
import {
  ingestBodySchema,
  parseIngestBody,
  parseLookupKey,
  refundBodySchema,
  resendBodySchema,
} from './input';
import type { JsonSchema } from './json-schema';
import { openApiDocument } from './openapi';
import { ERROR_CODES } from './responses';
import { API_SCOPES, SCOPE_OPERATIONS } from './scopes';
import { type TopupView, topupViewSchema, toView } from './view';

// The API document against the code: what it says the shop may send is what the parsers take,
// what it says the shop gets is what we answer, and its statuses, error codes and scopes are
// the ones the handlers use. The bodies are generated from zod; the rest is written by hand.

const doc = openApiDocument as unknown as ApiDocument;
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method, op })),
);

const BODIES = [
  {
    name: 'POST /api/v1/topups',
    schema: bodySchema(doc, '/api/v1/topups', 'post'),
    fields: Object.keys(ingestBodySchema.shape),
    accepts: (body: unknown) => parseIngestBody(body).ok,
  },
  {
    name: 'POST /api/v1/topups/{idOrRef}/refund',
    schema: bodySchema(doc, '/api/v1/topups/{idOrRef}/refund', 'post'),
    fields: Object.keys(refundBodySchema.shape),
    accepts: (body: unknown) => refundBodySchema.safeParse(body).success,
  },
  {
    name: 'POST /api/v1/topups/{idOrRef}/resend',
    schema: bodySchema(doc, '/api/v1/topups/{idOrRef}/resend', 'post'),
    fields: Object.keys(resendBodySchema.shape),
    accepts: (body: unknown) => resendBodySchema.safeParse(body).success,
  },
];

const propertiesOf = (schema: JsonSchema) => schema.properties as Record<string, JsonSchema>;
/** A body with every documented field, each set to its first documented example. */
function exampleOf(schema: JsonSchema): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(propertiesOf(schema)).map(([field, property]) => {
      if (!property.examples?.length) throw new Error(`${field} has no example`);
      return [field, property.examples[0]];
    }),
  );
}

const rng = seededRandom(20_250_101);
/** Values the shop might send, good and bad: the fuzz test's, plus every documented example. */
const VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  ...BAD_PRICES,
  ...BODIES.flatMap(({ schema }) =>
    Object.values(propertiesOf(schema)).flatMap((p) => p.examples ?? []),
  ),
  ...Array.from({ length: 300 }, () => wrongValue(rng)),
  ...[0, 7, 1_000_000_000, '0', '0.5', '1000000000', '1000000000.00', '9999999999.99', '   '],
  ...['6650f1c2a9e4b0d1c8a1f3e2', 'x'.repeat(64), 'x'.repeat(65), 'y'.repeat(128), 'ok ref'],
];

describe('the API document', () => {
  it.each(BODIES)('lists exactly the fields $name takes, required exactly when needed', (body) => {
    const example = exampleOf(body.schema);
    expect(Object.keys(example)).toEqual(body.fields);
    expect(body.accepts(example)).toBe(true);
    expect(schemaErrors(doc, body.schema, example)).toEqual([]);
    const required = (body.schema.required ?? []) as string[];
    for (const field of body.fields) {
      const { [field]: _, ...without } = example;
      expect({ field, accepted: body.accepts(without) }).toEqual({
        field,
        accepted: !required.includes(field),
      });
    }
    expect(body.schema.additionalProperties).toBe(false);
    expect(body.accepts({ ...example, undocumented: 1 })).toBe(false);
  });

  it.each(BODIES)('agrees with the parser of $name on every value the fuzz test tries', (body) => {
    const disagreements = [];
    for (const field of body.fields) {
      for (const value of VALUES) {
        const sent = { ...exampleOf(body.schema), [field]: value };
        const documented = schemaErrors(doc, body.schema, sent).length === 0;
        if (documented !== body.accepts(sent) && !saidInWords(field, value))
          disagreements.push({ field, value, documented });
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('takes the same {idOrRef} keys as the parser', () => {
    for (const { op } of operations.filter(({ path }) => path.includes('{idOrRef}'))) {
      const key = op.parameters?.find((p) => p.name === 'idOrRef');
      if (!key) throw new Error('idOrRef is not documented');
      for (const value of VALUES.filter((v) => typeof v === 'string')) {
        const documented = schemaErrors(doc, key.schema, value).length === 0;
        expect({ value, documented }).toEqual({ value, documented: parseLookupKey(value).ok });
      }
    }
  });

  it('lists under its error answers exactly the codes in ERROR_CODES', () => {
    const documented = new Set(
      operations.flatMap(({ op }) => Object.values(op.responses).flatMap(codesOf)),
    );
    expect([...documented].sort()).toEqual([...ERROR_CODES].sort());
  });

  it('lists every error a handler answers under the status it is answered with', () => {
    const answered = answeredErrors();
    // Every code is really answered somewhere: the scan below has not lost its way.
    expect(new Set(answered.map(([, code]) => code))).toEqual(new Set(ERROR_CODES));
    const undocumented = answered.filter(
      ([status, code]) =>
        !operations.some(({ op }) => codesOf(op.responses[status]).includes(code)),
    );
    expect(undocumented).toEqual([]);
  });

  it('names for each operation the token scope that opens it', () => {
    for (const scope of API_SCOPES) {
      const [method = '', path = ''] = SCOPE_OPERATIONS[scope].split(' ');
      const op = doc.paths[path]?.[method.toLowerCase()];
      expect(op?.security).toEqual([{ bearer: [scope] }]);
      expect(codesOf(op?.responses['403'])).toEqual(['insufficient_scope']);
    }
    const guarded = operations.filter(({ op }) => op.security?.length);
    expect(guarded).toHaveLength(API_SCOPES.length);
  });

  it('describes the top-up exactly as toView answers it', () => {
    const at = new Date('2026-11-20T09:00:00.000Z');
    const bare = {
      topupId: '6650f1c2a9e4b0d1c8a1f3e2',
      ref: null,
      status: 'PENDING',
      planCode: 'PREPAID_DJEZZY',
      operator: 'Djezzy',
      msisdn: '0778037340',
      topupAmount: '500.00',
      balanceAmount: null,
      customerRef: null,
      customerPrice: null,
      refundMessage: null,
      suggestedOffers: null,
      upstreamCreatedAt: at,
      firstSeenAt: at,
      statusChangedAt: at,
      finalizedAt: null,
      nextCheckAt: null,
    } satisfies Parameters<typeof toView>[0];
    const full = {
      ...bare,
      ref: 'API-+213778037340-1042',
      status: 'REFUNDED',
      balanceAmount: '496.25',
      customerRef: 'طلب ٤٢',
      customerPrice: '550.00',
      refundMessage: 'تم استرجاع المبلغ',
      suggestedOffers: [{ typename: 'Mobile', plan_code: 'PREPAID_DJEZZY', amount: '500' }],
      finalizedAt: at,
      nextCheckAt: at,
    } satisfies Parameters<typeof toView>[0];
    for (const row of [bare, full]) {
      const view: TopupView = toView(row);
      expect(topupViewSchema.parse(view)).toEqual(view);
      expect(schemaErrors(doc, doc.components.schemas.Topup ?? {}, view)).toEqual([]);
    }
  });

  it('gives examples that fit their own schemas', () => {
    const misfits: string[] = [];
    const visit = (schema: unknown, at: string) => {
      if (typeof schema !== 'object' || schema === null) return;
      for (const example of (schema as JsonSchema).examples ?? [])
        misfits.push(...schemaErrors(doc, schema as JsonSchema, example, at));
      for (const [key, sub] of Object.entries(schema))
        if (key !== 'examples') visit(sub, `${at}.${key}`);
    };
    visit(doc.components.schemas, 'schemas');
    expect(misfits).toEqual([]);
  });
});

/**
 * Rules the document states in a description because JSON Schema cannot: a decimal string
 * above MAX_DZD fits DZD_AMOUNT_PATTERN, and the refund texts are trimmed before their length
 * is checked.
 */
function saidInWords(field: string, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (field === 'customerPrice' || field === 'amount') return !isDzdAmount(value);
  return (field === 'reason' || field === 'note') && value.trim() !== value;
}

function codesOf(answer: { content?: Record<string, { schema: JsonSchema }> } | undefined) {
  const schema = answer?.content?.['application/json']?.schema;
  const own = schema?.allOf?.[1] as JsonSchema | undefined;
  return ((own?.properties?.error as JsonSchema | undefined)?.enum ?? []) as string[];
}

/**
 * Every `(status, code)` lib/api answers, read from its source: `errorReply(409, 'conflict', …`,
 * the refund refusals table `[503, 'upstream_unavailable', 30]`, and the one error body built by
 * hand (`status: 409, body: { error: 'already_refunded'`).
 */
function answeredErrors(): [string, string][] {
  const dir = import.meta.dirname;
  const forms = [
    /errorReply\(\s*(\d{3}),\s*'([a-z_]+)'/g,
    /\[(\d{3}), '([a-z_]+)', /g,
    /status: (\d{3}),\s*body: \{\s*error: '([a-z_]+)'/g,
  ];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .flatMap((file) => {
      const source = readFileSync(join(dir, file), 'utf8');
      return forms.flatMap((form) =>
        [...source.matchAll(form)].map((m): [string, string] => [m[1] ?? '', m[2] ?? '']),
      );
    });
}
