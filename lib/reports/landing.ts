import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { readState } from '../../db/queries/app-state';
import { topupCounts } from '../../db/schema';
import { BALANCE_KEY, type BalanceStatus, PING_KEY, type PingStatus } from '../sync/worker-state';
import { addDays, algiersDate, daySpan, HOUR_MS } from '../time/algiers';
import { type Counts, rate, settled } from './definitions';

// The manager's morning page: one small query each, rollups and counters only.

/** Today, yesterday and the 7 days before today, as instants (desk days, lib/time/algiers.ts). */
export function landingSpans(now: Date) {
  const today = algiersDate(now);
  const yesterday = addDays(today, -1);
  return {
    today: daySpan(today),
    yesterday: daySpan(yesterday),
    week: daySpan(addDays(today, -7), yesterday),
  };
}

async function countsBetween(db: Db, span: { from: Date; to: Date }): Promise<Counts> {
  const res = await db.execute<Counts>(sql`
    select coalesce(sum(orders), 0)::int as orders, coalesce(sum(pending), 0)::int as pending, coalesce(sum(handling), 0)::int as handling,
      coalesce(sum(fulfilled), 0)::int as fulfilled, coalesce(sum(refunded), 0)::int as refunded, coalesce(sum(unknown), 0)::int as unknown
    from topup_hourly where hour >= ${span.from} and hour < ${span.to}`);
  return (
    res.rows[0] ?? { orders: 0, pending: 0, handling: 0, fulfilled: 0, refunded: 0, unknown: 0 }
  );
}

export async function landingFigures(db: Db, now: Date) {
  const spans = landingSpans(now);
  const [t, y, w, buckets, oldestUnknown, charged, balance, ping] = await Promise.all([
    countsBetween(db, spans.today),
    countsBetween(db, spans.yesterday),
    countsBetween(db, spans.week),
    db.select({ bucket: topupCounts.bucket, n: topupCounts.n }).from(topupCounts),
    db.execute<{ at: string | Date | null }>(
      sql`select min(unknown_error_at) as at from topups where status = 'UNKNOWN_ERROR'`,
    ),
    // What OneClick charged us over the last 3 hours: the current spend rate.
    db.execute<{ total: string }>(
      sql`select coalesce(sum(charged_amount), 0)::text as total from topup_hourly where hour >= ${new Date(now.getTime() - 3 * HOUR_MS)}`,
    ),
    readState<BalanceStatus>(db, BALANCE_KEY),
    readState<PingStatus>(db, PING_KEY),
  ]);
  const count = (k: string) => Number(buckets.find((b) => b.bucket === k)?.n ?? 0);
  const spendPerHour = Number(charged.rows[0]?.total ?? 0) / 3;
  return {
    today: {
      rate: rate(t.fulfilled, t),
      settled: settled(t),
      orders: t.orders,
    },
    yesterday: { rate: rate(y.fulfilled, y) },
    week: { rate: rate(w.fulfilled, w) },
    inFlight: count('PENDING') + count('HANDLING'),
    // Raw queries return timestamps as text: make it a Date here, once.
    unknown: {
      count: count('UNKNOWN_ERROR'),
      oldest: oldestUnknown.rows[0]?.at ? new Date(oldestUnknown.rows[0].at) : null,
    },
    refundsDue: count('refund_due'),
    balance,
    // Display-only estimate (hours of float left); money itself stays a decimal string.
    runwayHours: balance && spendPerHour > 0 ? Number(balance.balance) / spendPerHour : null,
    ping,
  };
}

export type LandingFigures = Awaited<ReturnType<typeof landingFigures>>;
