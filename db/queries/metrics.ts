import 'server-only';
import { count, gte, lte, min, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { refundDeliveries, topups, upstreamCallStats } from '../schema';

// What GET /api/metrics reads at each scrape (lib/metrics/collect.ts), each one small indexed
// query. The order counts (counts.ts), open alerts (alerts.ts) and the last upstream success
// (app-state.ts) come from their own modules.

export type CallTotalsRow = {
  operation: string;
  /** The rows' minutes are before `settledBefore`: no process will add to them any more. */
  settled: boolean;
  calls: number;
  errors: number;
  totalMs: number;
};

/**
 * Upstream calls, errors and milliseconds per operation over the minutes from `from` (all of
 * them when null), split at `settledBefore`. The primary key (minute, operation) serves the range.
 */
export async function upstreamCallTotals(
  db: Db,
  range: { from: Date | null; settledBefore: Date },
): Promise<CallTotalsRow[]> {
  return db
    .select({
      operation: upstreamCallStats.operation,
      settled: sql<boolean>`${upstreamCallStats.minute} < ${range.settledBefore}`,
      calls: sql<number>`sum(${upstreamCallStats.calls})::float8`,
      errors: sql<number>`sum(${upstreamCallStats.errors})::float8`,
      totalMs: sql<number>`sum(${upstreamCallStats.totalMs})::float8`,
    })
    .from(upstreamCallStats)
    .where(range.from ? gte(upstreamCallStats.minute, range.from) : undefined)
    .groupBy(sql`1`, sql`2`);
}

/** The oldest check due at `now` (null: none), as the sync health panel counts them (topups_due_idx). */
export async function oldestDueCheck(db: Db, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ oldest: min(topups.nextCheckAt) })
    .from(topups)
    .where(lte(topups.nextCheckAt, now));
  return row?.oldest ?? null;
}

/** Webhook notices not delivered yet (refunds and re-sends), and when the oldest was queued. */
export async function webhookBacklog(db: Db): Promise<{ pending: number; oldest: Date | null }> {
  const [row] = await db
    .select({ pending: count(), oldest: min(refundDeliveries.createdAt) })
    .from(refundDeliveries)
    // A literal, as in the partial index it is meant to use (refund_deliveries_due_idx): the
    // few pending rows, however many notices went out before.
    .where(sql`${refundDeliveries.state} = 'pending'`);
  return { pending: row?.pending ?? 0, oldest: row?.oldest ?? null };
}
