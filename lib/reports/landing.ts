import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { topupCounts } from '../../db/schema';
import { readState } from '../sync/app-state';
import { BALANCE_KEY, type BalanceStatus, PING_KEY, type PingStatus } from '../sync/worker-state';
import { type Counts, rate } from './definitions';

// The manager's morning page: one small query each, rollups and counters only.

const DAY_MS = 86_400_000;
const ALGIERS_MS = 3_600_000;

/** Midnight (Algiers) of the day `now` falls in, as an instant. */
export function algiersMidnight(now: Date): Date {
  const local = now.getTime() + ALGIERS_MS;
  return new Date(local - (local % DAY_MS) - ALGIERS_MS);
}

async function countsBetween(db: Db, from: Date, to: Date): Promise<Counts> {
  const res = await db.execute<Counts>(sql`
    select coalesce(sum(orders), 0)::int as orders, coalesce(sum(pending), 0)::int as pending, coalesce(sum(handling), 0)::int as handling,
      coalesce(sum(fulfilled), 0)::int as fulfilled, coalesce(sum(refunded), 0)::int as refunded, coalesce(sum(unknown), 0)::int as unknown
    from topup_hourly where hour >= ${from} and hour < ${to}`);
  return (
    res.rows[0] ?? { orders: 0, pending: 0, handling: 0, fulfilled: 0, refunded: 0, unknown: 0 }
  );
}

export async function landingFigures(db: Db, now: Date) {
  const today = algiersMidnight(now);
  const yesterday = new Date(today.getTime() - DAY_MS);
  const weekAgo = new Date(today.getTime() - 7 * DAY_MS);
  const [t, y, w, buckets, oldestUnknown, charged, balance, ping] = await Promise.all([
    countsBetween(db, today, new Date(today.getTime() + DAY_MS)),
    countsBetween(db, yesterday, today),
    countsBetween(db, weekAgo, today),
    db.select({ bucket: topupCounts.bucket, n: topupCounts.n }).from(topupCounts),
    db.execute<{ at: string | Date | null }>(
      sql`select min(unknown_error_at) as at from topups where status = 'UNKNOWN_ERROR'`,
    ),
    // What OneClick charged us over the last 3 hours: the current spend rate.
    db.execute<{ total: string }>(
      sql`select coalesce(sum(charged_amount), 0)::text as total from topup_hourly where hour >= ${new Date(now.getTime() - 3 * 3_600_000)}`,
    ),
    readState<BalanceStatus>(db, BALANCE_KEY),
    readState<PingStatus>(db, PING_KEY),
  ]);
  const count = (k: string) => Number(buckets.find((b) => b.bucket === k)?.n ?? 0);
  const spendPerHour = Number(charged.rows[0]?.total ?? 0) / 3;
  return {
    today: {
      rate: rate(t.fulfilled, t),
      settled: t.fulfilled + t.refunded + t.unknown,
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
