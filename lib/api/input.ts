import { z } from 'zod';
import { fromCents, MAX_DZD, toCents } from '../money';
import { dzdAmount } from '../money-schema';
import { type ApiReply, errorReply, safeFieldName } from './responses';
import { dzdAmountText } from './shapes';

// The request bodies and path keys of /api/v1, parsed strictly: anything we do not understand
// is refused with a message naming the field, so a typo in the shop's code ("customer_price")
// fails loudly instead of being dropped on the floor. Messages are English sentences: they go
// to developers' logs. The OpenAPI document is generated from these schemas (`.meta()` holds
// what it says beyond them), so what it promises is what is parsed.

const TOPUP_ID = /^[A-Za-z0-9_-]{1,64}$/;
// Printable ASCII, no surrounding spaces: upstream refs look like `API-+2136…-success`.
const REF = /^[\x21-\x7E](?:[\x20-\x7E]{0,126}[\x21-\x7E])?$/;
// Customer references may be names or phone numbers in any script; control characters are not.
const CUSTOMER_REF = /^(?!\s)[^\p{Cc}\p{Cs}]{1,128}(?<!\s)$/u;

export const FIELD_RULES = {
  topupId: "must be a string of 1 to 64 characters: letters, digits, '_' or '-'",
  ref: 'must be a string of 1 to 128 printable ASCII characters, without leading or trailing spaces',
  customerRef:
    'must be a string of 1 to 128 characters, without control characters or leading or trailing spaces',
  customerPrice: `must be a whole number of DZD or a decimal string with at most 2 decimals, from 0 to ${MAX_DZD}`,
} as const;
export type IngestField = keyof typeof FIELD_RULES;
const FIELDS = Object.keys(FIELD_RULES) as IngestField[];

const rule = (field: IngestField) => ({ error: `${field} ${FIELD_RULES[field]}.` });

const topupId = z.string(rule('topupId')).regex(TOPUP_ID, rule('topupId'));
const ref = z.string(rule('ref')).regex(REF, rule('ref'));

const priceRule = rule('customerPrice');
/**
 * Whole DZD as a JSON integer, or a decimal string → a decimal string with two places
 * (`'500.00'`).
 */
const price = z
  .union(
    [z.int(priceRule).min(0, priceRule).max(MAX_DZD, priceRule), dzdAmount(priceRule.error)],
    priceRule,
  )
  // On the input side: zod leaves a transform's examples out of the input JSON Schema.
  .meta({ examples: [500, '500.50'] })
  .transform((amount, ctx) => {
    const cents = toCents(String(amount));
    if (cents !== null) return fromCents(cents);
    ctx.addIssue({ code: 'custom', message: priceRule.error }); // not reached: both are amounts
    return z.NEVER;
  })
  .pipe(dzdAmountText);

export const ingestBodySchema = z.strictObject({
  topupId: topupId.meta({
    description: `The upstream topupId from /mobile/send; ${FIELD_RULES.topupId}.`,
    examples: ['6650f1c2a9e4b0d1c8a1f3e2'],
  }),
  ref: ref
    .meta({
      description: `Your ref as sent to /mobile/send; ${FIELD_RULES.ref}.`,
      examples: ['API-+213778037340-1042'],
    })
    .optional(),
  customerRef: z
    .string(rule('customerRef'))
    .regex(CUSTOMER_REF, rule('customerRef'))
    .meta({
      description: `Your customer or order reference; ${FIELD_RULES.customerRef}.`,
      examples: ['order-1042', 'طلب ٤٢'],
    })
    .optional(),
  customerPrice: price
    .meta({
      description: `What the customer paid, in DZD; ${FIELD_RULES.customerPrice}. Never a fractional JSON number.`,
    })
    .optional(),
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

/** The `{idOrRef}` path segment of GET and refund: an upstream id or a ref, by the body's rules. */
export const lookupKeySchema = z.union([topupId, ref]).meta({
  description: 'An upstream topupId, or your ref: 1 to 128 printable ASCII characters.',
});

export function parseLookupKey(raw: string): Parsed<string> {
  if (lookupKeySchema.safeParse(raw).success) return { ok: true, value: raw };
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

const offerAmountRule = {
  error: `amount must be a whole number of DZD or a decimal string with at most 2 decimals, from 0 to ${MAX_DZD}.`,
};

/** The body of POST …/resend: one of the offers OneClick suggested for the top-up. */
export const resendBodySchema = z.strictObject({
  planCode: z
    .string({ error: 'planCode must be a plan code: 1 to 64 letters, digits or _.' })
    .regex(/^[A-Za-z0-9_]{1,64}$/, {
      error: 'planCode must be a plan code: 1 to 64 letters, digits or _.',
    })
    .meta({
      description: 'The `plan_code` of one of the `suggested_offers` OneClick gave the top-up.',
      examples: ['FACTURE_DJEZZY'],
    }),
  amount: z
    .union(
      [
        z.int(offerAmountRule).min(0, offerAmountRule).max(MAX_DZD, offerAmountRule),
        dzdAmount(offerAmountRule.error),
      ],
      offerAmountRule,
    )
    .meta({ description: 'That offer’s amount in DZD.', examples: [500, '500.00'] })
    .transform((amount) => fromCents(toCents(String(amount)) ?? 0n))
    .pipe(dzdAmountText),
});
export type ResendInput = z.infer<typeof resendBodySchema>;

/** The optional body of POST …/refund; both texts are trimmed first. */
export const refundBodySchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .meta({ description: 'Why, in a few words; trimmed first.', examples: ['customer asked'] })
    .optional(),
  note: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .meta({ description: 'Anything finance should know; trimmed first.', examples: ['order 1042'] })
    .optional(),
});
