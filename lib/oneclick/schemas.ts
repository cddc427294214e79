import { z } from 'zod';
import { TOPUP_STATUSES } from '../../db/enums';
import { amountSchema } from './money';

/**
 * Schemas for the OneClickDz v3 contract (facts: shared/oneclick-api.md). Unknown fields are
 * tolerated but stripped, so what leaves this module is exactly its inferred type. Optional
 * fields also accept `null` (a Mongo-backed API may serialise a missing value that way).
 */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === null ? undefined : v), schema.optional());
}

const text = z.string({ error: 'must be a string' });

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
  typename: text,
  plan_code: text,
  amount: amountSchema,
});
export type SuggestedOffer = z.infer<typeof suggestedOfferSchema>;

export const topupSchema = z.object({
  _id: text.min(1),
  ref: optional(text),
  status: topupStatusSchema,
  plan_code: text,
  // Not pattern-checked: the upstream is the authority on what numbers it accepted.
  MSSIDN: text,
  topup_amount: amountSchema,
  balance_amount: amountSchema,
  created_at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }),
  refund_message: optional(text),
  suggested_offers: optional(z.array(suggestedOfferSchema)),
  follow_orderid: optional(text),
  retry_orderid: optional(text),
});
export type Topup = z.infer<typeof topupSchema>;

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

export const topupPageSchema = z.object({
  items: z.array(topupSchema),
  pagination: paginationSchema,
});
export type TopupPage = z.infer<typeof topupPageSchema>;
