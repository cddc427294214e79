import { z } from 'zod';
import { TOPUP_STATUSES } from '../../db/enums';
import { amountSchema, decimalTextSchema } from './money';

/**
 * Schemas for the OneClickDz v3 contract (facts: shared/oneclick-api.md). Unknown fields are
 * tolerated but stripped, so what leaves this module is exactly its inferred type. Optional
 * fields also accept `null` (a Mongo-backed API may serialise a missing value that way).
 */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === null ? undefined : v), schema.optional());
}

const text = z.string({ error: 'must be a string' });
/**
 * Text the docs type as a string, where a JSON number has been seen instead (a ref sent as
 * 12345, a phone number that lost its leading 0): read as its digits, never rejected for it.
 */
const looseText = z.union([text, z.number().int().nonnegative().transform(String)], {
  error: 'must be a string',
});

// --- envelope -------------------------------------------------------------------------------

/** `meta` holds a timestamp, sometimes pagination, and (per the OCPay SDK) a requestId. */
export const metaSchema = z.looseObject({
  timestamp: optional(text),
  requestId: optional(text),
});
export type Meta = z.infer<typeof metaSchema>;

export const successEnvelopeSchema = z.object({
  success: z.literal(true),
  data: z.unknown(),
  meta: optional(metaSchema),
  requestId: optional(text),
});

/** Both documented error shapes: `error.{code,message,details}` and a bare `message`. */
export const errorEnvelopeSchema = z.object({
  success: optional(z.literal(false)),
  error: optional(
    z.union([
      z.object({
        code: optional(text),
        message: optional(text),
        // Odd details (an array, a string) must not hide the code and message beside them.
        details: z.record(z.string(), z.unknown()).optional().catch(undefined),
      }),
      text.transform((message) => ({ code: undefined, message, details: undefined })),
    ]),
  ),
  message: optional(text),
  requestId: optional(text),
  meta: optional(metaSchema),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

// --- top-up ---------------------------------------------------------------------------------

export const topupStatusSchema = z.enum(TOPUP_STATUSES, {
  error: (issue) => `unknown top-up status ${JSON.stringify(issue.input)}`,
});

export const suggestedOfferSchema = z.object({
  typename: looseText,
  plan_code: text,
  // A suggestion, not a charge: a decimal string ("500") is read like the number.
  amount: z.union([amountSchema, decimalTextSchema], {
    error: 'must be an amount (a number or a decimal string)',
  }),
});
export type SuggestedOffer = z.infer<typeof suggestedOfferSchema>;

export const topupSchema = z.object({
  _id: text.min(1),
  ref: optional(looseText),
  status: topupStatusSchema,
  plan_code: text,
  // Not pattern-checked: the upstream is the authority on what numbers it accepted.
  MSSIDN: looseText,
  // Strict: the face value is what a customer refund pays back.
  topup_amount: amountSchema,
  // Documented as always present, yet a missing one must not hide the order's status: what we
  // were charged is then unknown (null), and reconciliation reads it from the ledger.
  balance_amount: optional(amountSchema),
  created_at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }),
  refund_message: optional(text),
  suggested_offers: optional(z.array(suggestedOfferSchema)),
  follow_orderid: optional(looseText),
  retry_orderid: optional(looseText),
});
export type Topup = z.infer<typeof topupSchema>;

/** A list item that does not fit the contract: kept as it came, with why, for a person. */
export type RejectedItem = { raw: unknown; topupId: string | null; error: string };

/** Describes a zod failure in a line: the first few fields at fault and what is wrong. */
export function describeIssues(error: z.ZodError, prefix = 'data') {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${prefix}${issue.path.map((p) => `.${String(p)}`).join('')}: ${issue.message}`)
    .join('; ');
}

/**
 * Parses list items one by one: an item that does not fit is set aside with its reason, and
 * the rest of the page is used. One odd record in years of history must not stop a sync.
 */
export function splitItems(raw: readonly unknown[]): { items: Topup[]; rejected: RejectedItem[] } {
  const items: Topup[] = [];
  const rejected: RejectedItem[] = [];
  raw.forEach((value, index) => {
    const parsed = topupSchema.safeParse(value);
    if (parsed.success) {
      items.push(parsed.data);
      return;
    }
    const id = (value as { _id?: unknown } | null)?._id;
    rejected.push({
      raw: value,
      topupId: typeof id === 'string' && id !== '' ? id : null,
      error: describeIssues(parsed.error, `items[${index}]`),
    });
  });
  return { items, rejected };
}

// --- send -----------------------------------------------------------------------------------

export const sendResultSchema = z.object({
  topupId: text.min(1),
  topupRef: text.min(1),
  // Shown on the response-format page only; treat as a hint, not a ledger figure.
  newBalance: optional(amountSchema),
});
export type SendResult = z.infer<typeof sendResultSchema>;

// --- list -----------------------------------------------------------------------------------

const count = z.number().int().nonnegative();
export const paginationSchema = z.object({
  page: count,
  pageSize: count,
  totalPages: count,
  totalResults: count,
});
export type Pagination = z.infer<typeof paginationSchema>;

/** The page must have its shape; its items are judged one by one (`splitItems`). */
export const topupPageSchema = z
  .object({
    items: z.array(z.unknown(), { error: 'must be an array' }),
    pagination: paginationSchema,
  })
  .transform(({ items, pagination }) => ({ ...splitItems(items), pagination }));
export type TopupPage = z.infer<typeof topupPageSchema>;
