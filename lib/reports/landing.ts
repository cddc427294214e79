import type { Db, Tx } from '../../db/client';
import { readState } from '../../db/queries/app-state';
import { allBucketCounts } from '../../db/queries/counts';
import { chargedSince, countsBetween, oldestUnknownAt } from '../../db/queries/reports';
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

export async function landingFigures(db: Db, now: Date) {
  const spans = landingSpans(now);
  const [t, y, w, buckets, oldestUnknown, { balance, runwayHours }, ping] = await Promise.all([
    countsBetween(db, spans.today),
    countsBetween(db, spans.yesterday),
    countsBetween(db, spans.week),
    allBucketCounts(db),
    oldestUnknownAt(db),
    balanceRunway(db, now),
    readState<PingStatus>(db, PING_KEY),
  ]);
  const count = (k: string) => buckets.get(k) ?? 0;
  return {
    ...rateFigures(t, y, w),
    inFlight: count('PENDING') + count('HANDLING'),
    unknown: { count: count('UNKNOWN_ERROR'), oldest: oldestUnknown },
    refundsDue: count('refund_due'),
    balance,
    runwayHours,
    ping,
  };
}

/** The spend rate is what OneClick charged us over the last few hours. */
export const SPEND_WINDOW_HOURS = 3;

/**
 * The last balance the worker read, and how many hours of top-ups it pays for at the current
 * spend rate (null when nothing was spent): the landing page and the runway alert.
 */
export async function balanceRunway(db: Db | Tx, now: Date) {
  const [charged, balance] = await Promise.all([
    chargedSince(db, new Date(now.getTime() - SPEND_WINDOW_HOURS * HOUR_MS)),
    readState<BalanceStatus>(db, BALANCE_KEY),
  ]);
  const spendPerHour = Number(charged) / SPEND_WINDOW_HOURS;
  return {
    balance,
    /** Display-only estimate (hours of float left); money itself stays a decimal string. */
    runwayHours: balance && spendPerHour > 0 ? Number(balance.balance) / spendPerHour : null,
    chargedInWindow: charged,
  };
}

export type LandingFigures = Awaited<ReturnType<typeof landingFigures>>;

/** The landing's fulfilment figures from today's, yesterday's and the week's counts. */
export function rateFigures(t: Counts, y: Counts, w: Counts) {
  return {
    today: { rate: rate(t.fulfilled, t), settled: settled(t), orders: t.orders },
    yesterday: { rate: rate(y.fulfilled, y) },
    week: { rate: rate(w.fulfilled, w) },
  };
}
