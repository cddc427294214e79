import { z } from 'zod';
import { type ApiReply, errorReply, safeFieldName } from './responses';

// The ingest body, parsed strictly: anything we do not understand is refused with a message
// naming the field, so a typo in the shop's code ("customer_price") fails loudly instead of
// being dropped on the floor. Messages are English sentences: they go to developers' logs.

const TOPUP_ID = /^[A-Za-z0-9_-]{1,64}$/;
// Printable ASCII, no surrounding spaces: upstream refs look like `API-+2136…-success`.
const REF = /^[\x21-\x7E](?:[\x20-\x7E]{0,126}[\x21-\x7E])?$/;
// Customer references may be names or phone numbers in any script; control characters are not.
const CUSTOMER_REF = /^(?!\s)[^\p{Cc}\p{Cs}]{1,128}(?<!\s)$/u;
const PRICE = /^(0|[1-9][0-9]{0,9})(\.[0-9]{1,2})?$/;
export const MAX_PRICE_DZD = 1_000_000_000;

export const FIELD_RULES = {
  topupId: "must be a string of 1 to 64 characters: letters, digits, '_' or '-'",
  ref: 'must be a string of 1 to 128 printable ASCII characters, without leading or trailing spaces',
  customerRef:
    'must be a string of 1 to 128 characters, without control characters or leading or trailing spaces',
  customerPrice:
    'must be a whole number of DZD or a decimal string with at most 2 decimals, from 0 to 1000000000',
} as const;
export type IngestField = keyof typeof FIELD_RULES;
const FIELDS = Object.keys(FIELD_RULES) as IngestField[];

const rule = (field: IngestField) => ({ error: `${field} ${FIELD_RULES[field]}.` });

/** Integer DZD or a decimal string → a decimal string with two places (`'500.00'`). */
const price = z.union([z.number(), z.string()], rule('customerPrice')).transform((v, ctx) => {
  const text = typeof v === 'number' ? (Number.isSafeInteger(v) ? String(v) : '') : v;
  const match = PRICE.exec(text);
  const [whole, cents = ''] = match ? text.split('.') : [];
  if (!match || whole === undefined || Number(whole) > MAX_PRICE_DZD) {
    ctx.addIssue({ code: 'custom', message: rule('customerPrice').error });
    return z.NEVER;
  }
  const fraction = cents.padEnd(2, '0');
  if (Number(whole) === MAX_PRICE_DZD && fraction !== '00') {
    ctx.addIssue({ code: 'custom', message: rule('customerPrice').error });
    return z.NEVER;
  }
  return `${whole}.${fraction}`;
});

export const ingestBodySchema = z.strictObject({
  topupId: z.string(rule('topupId')).regex(TOPUP_ID, rule('topupId')),
  ref: z.string(rule('ref')).regex(REF, rule('ref')).optional(),
  customerRef: z.string(rule('customerRef')).regex(CUSTOMER_REF, rule('customerRef')).optional(),
  customerPrice: price.optional(),
});
export type IngestInput = z.infer<typeof ingestBodySchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reply: ApiReply };

/** A JSON value → the ingest input, or a 400 naming the first field at fault. */
export function parseIngestBody(value: unknown): Parsed<IngestInput> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      reply: errorReply(
        400,
        'invalid_body',
        'The body must be a JSON object such as {"topupId": "…"}.',
      ),
    };
  }
  const result = ingestBodySchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const field = safeFieldName(String(issue.keys[0] ?? ''));
    const message = `Unknown field "${field}": the allowed fields are ${FIELDS.join(', ')}.`;
    return { ok: false, reply: errorReply(400, 'unknown_field', message, { field }) };
  }
  const field = String(issue?.path[0] ?? 'body');
  if (!(field in value) || (value as Record<string, unknown>)[field] === undefined) {
    const message = `${field} is required.`;
    return { ok: false, reply: errorReply(400, 'missing_field', message, { field }) };
  }
  const message = issue?.message ?? `${field} is invalid.`;
  return { ok: false, reply: errorReply(400, 'invalid_field', message, { field }) };
}

/** The `{idOrRef}` path segment of GET: an upstream id or a ref, by the same rules. */
export function parseLookupKey(raw: string): Parsed<string> {
  if (TOPUP_ID.test(raw) || REF.test(raw)) return { ok: true, value: raw };
  return {
    ok: false,
    reply: errorReply(
      400,
      'invalid_field',
      'idOrRef must be a top-up id or a ref: 1 to 128 printable ASCII characters.',
      { field: 'idOrRef' },
    ),
  };
}
