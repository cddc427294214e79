import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { DELIVERY_STATES, REFUND_STATES } from '../enums';
import { money, tz } from './columns';
import { topups } from './topups';
import { users } from './users';

// Customer refunds and their delivery (outbox and attempts) to the merchant's system.

export const refundState = pgEnum('refund_state', REFUND_STATES);
export const deliveryState = pgEnum('delivery_state', DELIVERY_STATES);

export const refunds = pgTable(
  'refunds',
  {
    /** Also the idempotency key sent to the merchant's system. */
    id: uuid('id').primaryKey().defaultRandom(),
    topupPk: bigint('topup_pk', { mode: 'number' })
      .notNull()
      .references(() => topups.id),
    amount: money('amount').notNull(),
    reason: text('reason'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    /** `user:<email>` or `token:<name>` — who asked for it. */
    createdVia: text('created_via').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    state: refundState('state').notNull().default('approved'),
    /** Why a second finance user must approve: 'amount' or 'unknown_error'. */
    approvalReason: text('approval_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tz('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    uniqueIndex('refunds_topup_key').on(t.topupPk),
    index('refunds_created_idx').on(t.createdAt.desc()),
    index('refunds_awaiting_idx').on(t.createdAt).where(sql`${t.state} = 'awaiting_approval'`),
  ],
);

/**
 * The outbox of notices to the merchant's system (REFUND_WEBHOOK_URL), each retried until a 2xx:
 * one per approved refund (`refund.created`) and one per re-send OneClick took (`topup.resent`).
 */
export const refundDeliveries = pgTable(
  'refund_deliveries',
  {
    /**
     * The notice's id, also the Idempotency-Key sent: the refund's id, or the re-send's (the
     * column kept the name it had when refunds were the only notice).
     */
    refundId: uuid('refund_id').primaryKey(),
    /** `refund.created` or `topup.resent` (lib/refunds/webhook.ts builds each body). */
    event: text('event').notNull().default('refund.created'),
    state: deliveryState('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tz('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: tz('delivered_at'),
    claimedBy: text('claimed_by'),
    claimedUntil: tz('claimed_until'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('refund_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
  ],
);

/** Every webhook attempt, shown on the order page. */
export const refundDeliveryAttempts = pgTable(
  'refund_delivery_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The notice's id (refundDeliveries.refundId). */
    refundId: uuid('refund_id').notNull(),
    at: tz('at').notNull().defaultNow(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    error: text('error'),
    /** Who asked: the worker, or a finance user's redelivery. */
    trigger: text('trigger').notNull(),
  },
  (t) => [index('refund_delivery_attempts_refund_idx').on(t.refundId, t.at)],
);
