import 'server-only';
import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import type { TopupStatus } from '../enums';
import { refunds, topupEvents, topups } from '../schema';

// Reconciliation reads. Times are instants ([from, to) built from Algiers days by the caller),
// and a query that groups by day takes the desk's time zone from the caller too (the day rule
// lives in lib/time/algiers.ts, above this floor); money stays numeric → text. Each query is
// bounded by an index (named at each query) and selects only what the page shows.

/** Caps for one day's lists: far above a real day, low enough to keep a page load bounded. */
export const DAY_LIST_LIMIT = 5_000;
export const DAY_CREATED_LIMIT = 20_000;
export const ANOMALY_LIMIT = 200;

/**
 * The calendar day of a timestamptz in the caller's time zone (bound as a parameter), as
 * YYYY-MM-DD. Group by its position (`groupBy(BY_DAY)`), not by the expression: each rendering
 * binds a new parameter, and Postgres does not see `$1` and `$4` as the same expression.
 */
const dayIn = (col: AnyPgColumn, timeZone: string) =>
  sql<string>`to_char(${col} at time zone ${timeZone}::text, 'YYYY-MM-DD')`;
/** `day` is the first column of the per-day selects below. */
const BY_DAY = sql`1`;
const text = (expr: SQL) => sql<string | null>`(${expr})::text`;
const int = (expr: SQL) => sql<number>`(${expr})::int`;

/** One day's REFUNDED orders (lib/reconcile/summary.ts `RefundedDay`). */
export type DayOfRefunded = {
  day: string;
  count: number;
  amount: string | null;
  missingCount: number;
  missingAmount: string | null;
  oldestMissing: Date | null;
};
/** One day's approved customer refunds (lib/reconcile/summary.ts `RecordedDay`). */
export type DayOfRecorded = {
  day: string;
  count: number;
  amount: string | null;
  extraCount: number;
  extraAmount: string | null;
};
/** An order as reconciliation matches it to ledger rows (lib/reconcile/ledger.ts `OurOrder`). */
export type ReconcileOrder = {
  id: number;
  topupId: string;
  status: TopupStatus;
  msisdn: string;
  balanceAmount: string | null;
  upstreamCreatedAt: Date;
  statusChangedAt: Date;
};
/** Our side of the predicted balance (lib/reconcile/balance.ts `OursSince`). */
export type OrdersSince = {
  /** Orders created at or after the anchor: Σ balance_amount. */
  charged: string;
  chargedCount: number;
  /** Orders REFUNDED now whose status changed at or after the anchor: Σ balance_amount. */
  returned: string;
  returnedCount: number;
};

const approvedRefund = and(eq(refunds.topupPk, topups.id), eq(refunds.state, 'approved'));

/**
 * The day of a REFUNDED order is its `status_changed_at`: for a row that is REFUNDED now it is
 * when we saw it become REFUNDED (the last transition), seconds after OneClick's REFUND-FLEXY
 * credit for a polled order, so our day and the ledger's day agree. `finalized_at` is kept from
 * the first final status, so an order that went FULFILLED → REFUNDED would land on the day it
 * was FULFILLED, and it is null for orders first seen already final by the backfill.
 * (No index leads with status_changed_at: Postgres reads the REFUNDED entries of
 * topups_status_created_idx; a partial index on (status_changed_at) WHERE status = 'REFUNDED'
 * would make this a range read — see the report.)
 */
export async function refundedByDay(
  db: Db,
  from: Date,
  to: Date,
  timeZone: string,
): Promise<DayOfRefunded[]> {
  const day = dayIn(topups.statusChangedAt, timeZone);
  const missing = sql`${refunds.id} is null`;
  return db
    .select({
      day,
      count: int(sql`count(*)`),
      amount: text(sql`sum(${topups.balanceAmount})`),
      missingCount: int(sql`count(*) filter (where ${missing})`),
      missingAmount: text(sql`sum(${topups.balanceAmount}) filter (where ${missing})`),
      oldestMissing:
        sql<Date | null>`min(${topups.statusChangedAt}) filter (where ${missing})`.mapWith(
          topups.statusChangedAt,
        ),
    })
    .from(topups)
    .leftJoin(refunds, approvedRefund)
    .where(
      and(
        eq(topups.status, 'REFUNDED'),
        gte(topups.statusChangedAt, from),
        lt(topups.statusChangedAt, to),
      ),
    )
    .groupBy(BY_DAY);
}

/**
 * Approved customer refunds by the day they were recorded (refunds_created_idx), and of those
 * the "extra" ones: the order is not REFUNDED now. A refund awaiting a second finance user or
 * rejected is not money back to a customer, so it counts nowhere here.
 */
export async function recordedByDay(
  db: Db,
  from: Date,
  to: Date,
  timeZone: string,
): Promise<DayOfRecorded[]> {
  const day = dayIn(refunds.createdAt, timeZone);
  const extra = sql`${topups.status} <> 'REFUNDED'`;
  return db
    .select({
      day,
      count: int(sql`count(*)`),
      amount: text(sql`sum(${refunds.amount})`),
      extraCount: int(sql`count(*) filter (where ${extra})`),
      extraAmount: text(sql`sum(${refunds.amount}) filter (where ${extra})`),
    })
    .from(refunds)
    .innerJoin(topups, eq(topups.id, refunds.topupPk))
    .where(
      and(eq(refunds.state, 'approved'), gte(refunds.createdAt, from), lt(refunds.createdAt, to)),
    )
    .groupBy(BY_DAY);
}

const orderColumns = {
  id: topups.id,
  topupId: topups.topupId,
  status: topups.status,
  msisdn: topups.msisdn,
  balanceAmount: topups.balanceAmount,
  upstreamCreatedAt: topups.upstreamCreatedAt,
  statusChangedAt: topups.statusChangedAt,
};

export type RefundedOrder = ReconcileOrder & {
  refundState: 'approved' | 'awaiting_approval' | 'rejected' | null;
};

/** Orders that became REFUNDED on one day, with their customer refund's state if any. */
export async function refundedOnDay(db: Db, from: Date, to: Date): Promise<RefundedOrder[]> {
  return db
    .select({ ...orderColumns, refundState: refunds.state })
    .from(topups)
    .leftJoin(refunds, eq(refunds.topupPk, topups.id))
    .where(
      and(
        eq(topups.status, 'REFUNDED'),
        gte(topups.statusChangedAt, from),
        lt(topups.statusChangedAt, to),
      ),
    )
    .orderBy(asc(topups.statusChangedAt), asc(topups.id))
    .limit(DAY_LIST_LIMIT);
}

/** Orders created on one day (topups_created_idx), for matching FLEXY debits. */
export async function createdOnDay(db: Db, from: Date, to: Date): Promise<ReconcileOrder[]> {
  return db
    .select(orderColumns)
    .from(topups)
    .where(and(gte(topups.upstreamCreatedAt, from), lt(topups.upstreamCreatedAt, to)))
    .orderBy(desc(topups.upstreamCreatedAt), desc(topups.id))
    .limit(DAY_CREATED_LIMIT);
}

/** Our orders for ledger objids (the unique topup_id index), whatever their day or status. */
export async function ordersByTopupIds(db: Db, ids: readonly string[]): Promise<ReconcileOrder[]> {
  if (ids.length === 0) return [];
  return db
    .select(orderColumns)
    .from(topups)
    .where(inArray(topups.topupId, [...ids]));
}

export type ExtraRefund = {
  orderId: number;
  topupId: string;
  msisdn: string;
  status: TopupStatus;
  amount: string;
  refundedAt: Date;
  createdVia: string;
};

/** Approved refunds recorded on one day whose order is not REFUNDED now. */
export async function extraOnDay(db: Db, from: Date, to: Date): Promise<ExtraRefund[]> {
  return db
    .select({
      orderId: topups.id,
      topupId: topups.topupId,
      msisdn: topups.msisdn,
      status: topups.status,
      amount: refunds.amount,
      refundedAt: refunds.createdAt,
      createdVia: refunds.createdVia,
    })
    .from(refunds)
    .innerJoin(topups, eq(topups.id, refunds.topupPk))
    .where(
      and(
        eq(refunds.state, 'approved'),
        gte(refunds.createdAt, from),
        lt(refunds.createdAt, to),
        ne(topups.status, 'REFUNDED'),
      ),
    )
    .orderBy(asc(refunds.createdAt))
    .limit(DAY_LIST_LIMIT);
}

export type RefundAnomaly = {
  refundId: string;
  orderId: number;
  topupId: string;
  msisdn: string;
  status: TopupStatus;
  needsReview: boolean;
  amount: string;
  refundedAt: Date;
  changeKind: 'status_changed' | 'anomaly' | null;
  changeFrom: TopupStatus | null;
  changeTo: TopupStatus | null;
  changedAt: Date | null;
};

/**
 * Approved refunds recorded in [from, to) whose order's status moved (or was reported moving)
 * after the refund was recorded — the customer got money back for an order that then, say,
 * turned FULFILLED — or whose order is flagged for review. The latest such event per refund is
 * read through topup_events_topup_idx (topup_pk, created_at); the refunds come from
 * refunds_created_idx.
 */
export async function refundAnomalies(db: Db, from: Date, to: Date): Promise<RefundAnomaly[]> {
  const later = db
    .select({
      kind: topupEvents.kind,
      fromStatus: topupEvents.fromStatus,
      toStatus: topupEvents.toStatus,
      createdAt: topupEvents.createdAt,
    })
    .from(topupEvents)
    .where(
      and(
        eq(topupEvents.topupPk, refunds.topupPk),
        gt(topupEvents.createdAt, refunds.createdAt),
        inArray(topupEvents.kind, ['status_changed', 'anomaly']),
      ),
    )
    .orderBy(desc(topupEvents.createdAt), desc(topupEvents.id))
    .limit(1)
    .as('later');
  const rows = await db
    .select({
      refundId: refunds.id,
      orderId: topups.id,
      topupId: topups.topupId,
      msisdn: topups.msisdn,
      status: topups.status,
      needsReview: topups.needsReview,
      amount: refunds.amount,
      refundedAt: refunds.createdAt,
      changeKind: later.kind,
      changeFrom: later.fromStatus,
      changeTo: later.toStatus,
      changedAt: later.createdAt,
    })
    .from(refunds)
    .innerJoin(topups, eq(topups.id, refunds.topupPk))
    .leftJoinLateral(later, sql`true`)
    .where(
      and(
        eq(refunds.state, 'approved'),
        gte(refunds.createdAt, from),
        lt(refunds.createdAt, to),
        or(isNotNull(later.createdAt), eq(topups.needsReview, true)),
      ),
    )
    .orderBy(desc(refunds.createdAt))
    .limit(ANOMALY_LIMIT);
  return rows.map((r) => ({ ...r, changeKind: r.changeKind as RefundAnomaly['changeKind'] }));
}

/**
 * Our side of the predicted balance (lib/reconcile/balance.ts), as of `until` (when OneClick's
 * balance was read): orders created in [at, until) (topups_created_idx), and orders REFUNDED
 * now whose status changed in [at, until). An order first seen already REFUNDED long after it
 * was placed (a history import: `finalized_at` unknown) was refunded when we could not see;
 * a refund follows its order within minutes, so its creation time stands for the refund's.
 */
export async function ordersSince(db: Db, at: Date, until: Date): Promise<OrdersSince> {
  const sum = text(sql`coalesce(sum(${topups.balanceAmount}), 0)`);
  const [charged, returned] = await Promise.all([
    db
      .select({ count: int(sql`count(*)`), amount: sum })
      .from(topups)
      .where(and(gte(topups.upstreamCreatedAt, at), lt(topups.upstreamCreatedAt, until))),
    db
      .select({ count: int(sql`count(*)`), amount: sum })
      .from(topups)
      .where(
        and(
          eq(topups.status, 'REFUNDED'),
          or(
            and(
              isNotNull(topups.finalizedAt),
              gte(topups.statusChangedAt, at),
              lt(topups.statusChangedAt, until),
            ),
            and(
              isNull(topups.finalizedAt),
              gte(topups.upstreamCreatedAt, at),
              lt(topups.upstreamCreatedAt, until),
            ),
          ),
        ),
      ),
  ]);
  return {
    charged: charged[0]?.amount ?? '0',
    chargedCount: charged[0]?.count ?? 0,
    returned: returned[0]?.amount ?? '0',
    returnedCount: returned[0]?.count ?? 0,
  };
}
