import 'server-only';
import type { Db } from '../../db/client';
import { OPERATORS, type Operator } from '../../db/enums';
import { unknownOlderThan } from '../../db/queries/alert-findings';
import { allBucketCounts } from '../../db/queries/counts';
import { awaitingApprovalTotals } from '../../db/queries/digests';
import { recordedByDay, refundedByDay } from '../../db/queries/reconcile';
import { refundsDueTotals } from '../../db/queries/refunds';
import {
  countsBetween,
  countsBySplit,
  type KeyedCounts,
  oldestUnknownAt,
  refundsByBucket,
} from '../../db/queries/reports';
import { sumAmounts } from '../money';
import { type DayRow, dayRows, type Figure } from '../reconcile/summary';
import { type Counts, rate, settled } from '../reports/definitions';
import { landingSpans } from '../reports/landing';
import { DAY_MS, DESK_TIME_ZONE, daySpan, dayStart, parseDay } from '../time/algiers';

// What the morning digests say, read from the rollups, the trigger-kept counters and the
// reconciliation's own per-day queries: never a count over the whole topups table, never a call
// to OneClick. Rendering (lib/digests/render.ts) turns these into words; nothing here is text.

export type DigestKind = 'manager' | 'finance';
export type { Figure };

/** A fulfilment rate and what it is made of (lib/reports/definitions.ts). */
export type RateFigure = {
  /** FULFILLED / settled; null when nothing settled (shown as "—", never as 0 %). */
  rate: number | null;
  fulfilled: number;
  settled: number;
  orders: number;
};
/** The desk day's figure beside the 7 days before it, pooled (the landing's "7-day average"). */
export type RateLine = { day: RateFigure; week: RateFigure };
export type OperatorLine = RateLine & { operator: Operator };

export type ManagerDigest = {
  kind: 'manager';
  /** The desk day reported on (YYYY-MM-DD, Algiers): yesterday when the digest goes out. */
  day: string;
  /** When the figures were read; the backlog is as of then. */
  asOf: Date;
  overall: RateLine;
  /** In OPERATORS order; an operator with no order on the day nor in the week before is left out. */
  operators: OperatorLine[];
  /** UNKNOWN_ERROR orders now: how many, since when the oldest waits, how many for 24 h or more. */
  unknown: { count: number; oldestAt: Date | null; overdue: number };
  /** Approved customer refunds recorded on the day. */
  refunds: Figure;
};

export type FinanceDigest = {
  kind: 'finance';
  day: string;
  asOf: Date;
  /** REFUNDED upstream, customer not refunded yet, whatever the day (lib/refunds' "refund due"). */
  due: Figure;
  /** Customer refunds waiting for a second finance user. */
  awaitingApproval: Figure;
  /** The reconciliation page's row for the day, from our own records only. */
  reconciliation: Omit<DayRow, 'day'>;
};

export type Digest = ManagerDigest | FinanceDigest;

/** Where an UNKNOWN_ERROR is overdue: OneClick settles within 24 h (lib/orders/escalation.ts). */
const OVERDUE_MS = DAY_MS;

function checkedDay(day: string): string {
  const parsed = parseDay(day);
  if (!parsed) throw new RangeError(`digest day must be YYYY-MM-DD, got "${day}"`);
  return parsed;
}

const rateFigure = (c: Counts): RateFigure => ({
  rate: rate(c.fulfilled, c),
  fulfilled: c.fulfilled,
  settled: settled(c),
  orders: c.orders,
});

const NO_ORDERS: Counts = {
  orders: 0,
  pending: 0,
  handling: 0,
  fulfilled: 0,
  refunded: 0,
  unknown: 0,
};
const addCounts = (a: Counts, b: Counts): Counts => ({
  orders: a.orders + b.orders,
  pending: a.pending + b.pending,
  handling: a.handling + b.handling,
  fulfilled: a.fulfilled + b.fulfilled,
  refunded: a.refunded + b.refunded,
  unknown: a.unknown + b.unknown,
});

/** Counts per operator; a key outside OPERATORS (none is written) would count as Other. */
function byOperator(rows: readonly KeyedCounts[]): Map<Operator, Counts> {
  const out = new Map<Operator, Counts>();
  for (const { key, ...counts } of rows) {
    const op = (OPERATORS as readonly string[]).includes(key) ? (key as Operator) : 'Other';
    out.set(op, addCounts(out.get(op) ?? NO_ORDERS, counts));
  }
  return out;
}

export async function managerDigest(db: Db, day: string, now: Date): Promise<ManagerDigest> {
  // The landing's "today against the 7 days before it", with the digest's day as today.
  const spans = landingSpans(dayStart(checkedDay(day)));
  const [dayCounts, weekCounts, dayOps, weekOps, buckets, oldestAt, overdue, refunds] =
    await Promise.all([
      countsBetween(db, spans.today),
      countsBetween(db, spans.week),
      countsBySplit(db, spans.today, 'operator'),
      countsBySplit(db, spans.week, 'operator'),
      allBucketCounts(db),
      oldestUnknownAt(db),
      unknownOlderThan(db, new Date(now.getTime() - OVERDUE_MS)).then((r) => r.count),
      refundsByBucket(db, { ...spans.today, granularity: 'day', timeZone: DESK_TIME_ZONE }),
    ]);
  const dayBy = byOperator(dayOps);
  const weekBy = byOperator(weekOps);
  return {
    kind: 'manager',
    day,
    asOf: now,
    overall: { day: rateFigure(dayCounts), week: rateFigure(weekCounts) },
    operators: OPERATORS.filter((op) => dayBy.has(op) || weekBy.has(op)).map((operator) => ({
      operator,
      day: rateFigure(dayBy.get(operator) ?? NO_ORDERS),
      week: rateFigure(weekBy.get(operator) ?? NO_ORDERS),
    })),
    unknown: { count: buckets.get('UNKNOWN_ERROR') ?? 0, oldestAt, overdue },
    refunds: {
      count: refunds.reduce((n, r) => n + r.refunds, 0),
      amount: sumAmounts(refunds.map((r) => r.amount)),
    },
  };
}

export async function financeDigest(db: Db, day: string, now: Date): Promise<FinanceDigest> {
  const { from, to } = daySpan(checkedDay(day));
  const [due, awaiting, refunded, recorded] = await Promise.all([
    refundsDueTotals(db),
    awaitingApprovalTotals(db),
    refundedByDay(db, from, to, DESK_TIME_ZONE),
    recordedByDay(db, from, to, DESK_TIME_ZONE),
  ]);
  const [{ day: _day, ...reconciliation }] = dayRows(day, day, refunded, recorded) as [DayRow];
  return {
    kind: 'finance',
    day,
    asOf: now,
    due: { count: due.count, amount: sumAmounts([due.total]) },
    awaitingApproval: { count: awaiting.count, amount: sumAmounts([awaiting.amount]) },
    reconciliation,
  };
}
