import { bigint, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { money, tz } from './columns';
import { refundState } from './refunds';
import { topupStatus } from './topups';

// Report rollups, kept equal to a live GROUP BY over `topups` and `refunds` by adding up what
// each logged change adds or takes away (db/queries/rollups.ts).

/**
 * Hourly rollup of orders by creation hour (UTC), operator and plan (lib/reports/rollup.ts).
 * Reports read only this, never the raw orders. A status that changes a day later moves its
 * counts within its creation hour. A group with no order left has no row.
 */
export const topupHourly = pgTable(
  'topup_hourly',
  {
    hour: tz('hour').notNull(),
    operator: text('operator').notNull(),
    planCode: text('plan_code').notNull(),
    orders: integer('orders').notNull(),
    pending: integer('pending').notNull(),
    handling: integer('handling').notNull(),
    fulfilled: integer('fulfilled').notNull(),
    refunded: integer('refunded').notNull(),
    unknown: integer('unknown').notNull(),
    fulfilledAmount: money('fulfilled_amount').notNull(),
    refundedAmount: money('refunded_amount').notNull(),
    /** What OneClick kept from our balance (orders not refunded). */
    chargedAmount: money('charged_amount').notNull(),
    /** Orders that went through UNKNOWN_ERROR, and how they ended. */
    passedUnknown: integer('passed_unknown').notNull(),
    unknownToFulfilled: integer('unknown_to_fulfilled').notNull(),
    unknownToRefunded: integer('unknown_to_refunded').notNull(),
    /** Each resolved order's time from UNKNOWN_ERROR to final, in whole milliseconds, summed. */
    unknownResolveMs: bigint('unknown_resolve_ms', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.operator, t.planCode] })],
);

/**
 * Time-to-final histogram per creation hour (buckets: lib/reports/definitions.ts), kept apart
 * from the operator/plan rows so a 90-day p50/p95 sums 2,160 arrays, not 20,000.
 */
export const ttfHourly = pgTable('ttf_hourly', {
  hour: tz('hour').primaryKey(),
  /**
   * The settled orders with a final time this hour holds, including the rare one whose final
   * time is before its creation (clock skew), which falls in no bucket: the row exists while
   * this is above 0.
   */
  orders: integer('orders').notNull(),
  buckets: integer('buckets').array().notNull(),
});

/** Customer refunds (approved) per hour of their recording. */
export const refundHourly = pgTable('refund_hourly', {
  hour: tz('hour').primaryKey(),
  refunds: integer('refunds').notNull(),
  amount: money('amount').notNull(),
});

/**
 * The change log of what the rollups count in `topups`, written by triggers in the same
 * transaction as the change (drizzle/0017): an order's facts as they were (sign -1) and as
 * they are (+1). The refresh takes rows oldest first and adds them into the rollups.
 */
export const topupChanges = pgTable('topup_changes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  sign: smallint('sign').notNull(),
  upstreamCreatedAt: tz('upstream_created_at').notNull(),
  operator: text('operator').notNull(),
  planCode: text('plan_code').notNull(),
  status: topupStatus('status').notNull(),
  topupAmount: money('topup_amount').notNull(),
  balanceAmount: money('balance_amount'),
  finalizedAt: tz('finalized_at'),
  unknownErrorAt: tz('unknown_error_at'),
});

/** The change log of `refunds`, as `topupChanges` is of `topups`. */
export const refundChanges = pgTable('refund_changes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  sign: smallint('sign').notNull(),
  createdAt: tz('created_at').notNull(),
  state: refundState('state').notNull(),
  amount: money('amount').notNull(),
});
