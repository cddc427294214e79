import { bigint, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { money, tz } from './columns';

// Report rollups, recomputed from `topups` for every hour marked dirty.

/**
 * Hourly rollup of orders by creation hour (UTC), operator and plan, recomputed from `topups`
 * by the background engine for every hour marked dirty (lib/reports/rollup.ts). Reports read
 * only this, never the raw orders. A status that changes a day later re-marks its hour.
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
  buckets: integer('buckets').array().notNull(),
});

/** Customer refunds (approved) per hour of their recording. */
export const refundHourly = pgTable('refund_hourly', {
  hour: tz('hour').primaryKey(),
  refunds: integer('refunds').notNull(),
  amount: money('amount').notNull(),
});

/** Hours whose rollups must be recomputed, marked by triggers in the same transaction. */
export const rollupDirty = pgTable(
  'rollup_dirty',
  {
    kind: text('kind').notNull(),
    hour: tz('hour').notNull(),
    markedAt: tz('marked_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.hour] })],
);
