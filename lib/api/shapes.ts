import { z } from 'zod';
import { DELIVERY_STATES, REFUND_STATES, RESEND_STATES } from '../../db/enums';

// What /api/v1 answers, as zod schemas: the OpenAPI document is generated from them
// (lib/api/openapi.ts) and tests parse real answers with them. The top-up itself is
// topupViewSchema in view.ts; errors are errorBodySchema in responses.ts.

/** A DZD amount as we answer it: numeric(14,2) columns and fromCents both write two decimals. */
export const dzdAmountText = z
  .string()
  .regex(/^\d+\.\d{2}$/)
  .meta({ examples: ['500.00'] });

/** A time as we answer it: toISOString(), always UTC. */
export const utcTime = z.iso.datetime();

/** 202: accepted, waiting for the upstream to confirm the top-up (lib/api/ingest.ts). */
export const registeringSchema = z.object({
  status: z.literal('registering'),
  topupId: z.string(),
});

/** The refund as POST …/refund answers it (lib/api/refund.ts), also inside `already_refunded`. */
export const refundSchema = z.object({
  refundId: z.uuid().meta({
    description: 'Also the idempotency key of the notification sent to your system.',
  }),
  amount: dzdAmountText,
  state: z.enum(REFUND_STATES),
  createdAt: utcTime,
  createdBy: z.string().meta({
    description: 'Who asked: the desk user’s name, or `token:<name>` for an API token.',
  }),
  delivery: z.enum(DELIVERY_STATES).nullable().meta({
    description: 'Whether your system has been notified of the refund.',
  }),
});

export const refundAnswerSchema = z.object({
  status: z.enum(['refunded', 'awaiting_approval']),
  refund: refundSchema,
});

export const resendSchema = z.object({
  resendId: z.uuid(),
  planCode: z.string().meta({ description: 'The suggested offer sent.' }),
  amount: dzdAmountText,
  state: z.enum(RESEND_STATES).meta({
    description:
      '`sending`: sent, OneClick’s answer being settled by `ref`; `sent`: OneClick took it (`newTopupId`); `failed`: OneClick refused it (`error`), nothing was spent; `awaiting_approval` / `rejected`: a second finance user decides.',
  }),
  ref: z.string().meta({
    description: 'The ref the re-send goes under (derived from the original: it is sent once).',
  }),
  newTopupId: z.string().nullable().meta({ description: 'OneClick’s id of the new order.' }),
  createdAt: utcTime,
  createdBy: z.string().meta({
    description: 'Who asked: the desk user’s name, or `token:<name>` for an API token.',
  }),
  error: z
    .object({ code: z.string(), message: z.string(), field: z.string().nullable() })
    .nullable()
    .meta({ description: 'Why OneClick refused the send (state `failed`).' }),
});

export const resendAnswerSchema = z.object({
  status: z.enum(['sent', 'awaiting_approval']),
  resend: resendSchema,
});
