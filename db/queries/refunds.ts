import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import {
  refundDeliveries,
  refundDeliveryAttempts,
  refunds,
  resends,
  topupCounts,
  topups,
  users,
} from '../schema';
import { refundDue } from './refund-due';
import { bucketOf, type RollupRange } from './reports';

/**
 * What a customer refund pays back: what the customer paid, when the shop told us its price,
 * else the top-up's face value. The one home of this rule: every query that needs the amount
 * selects it from here, and nothing recomputes it.
 */
export const refundAmountSql = sql<string>`coalesce(${topups.customerPrice}, ${topups.topupAmount})::text`;

/** REFUNDED upstream, customer not refunded yet, oldest first (partial index topups_refund_due_idx). */
export function listRefundsDue(db: Db, limit = 200) {
  return db
    .select({
      id: topups.id,
      topupId: topups.topupId,
      ref: topups.ref,
      msisdn: topups.msisdn,
      topupAmount: topups.topupAmount,
      customerPrice: topups.customerPrice,
      refundAmount: refundAmountSql,
      refundMessage: topups.refundMessage,
      statusChangedAt: topups.statusChangedAt,
      upstreamCreatedAt: topups.upstreamCreatedAt,
      // Qualified by hand: inside a select list drizzle writes columns unqualified.
      awaiting: sql<boolean>`exists (select 1 from ${refunds} r where r.topup_pk = "topups"."id" and r.state = 'awaiting_approval')`,
      suggestedOffers: topups.suggestedOffers,
      // A re-send was made (or is under way): only a failed or rejected one may be asked again.
      resent: sql<boolean>`exists (select 1 from ${resends} s where s.original_pk = "topups"."id" and s.state not in ('failed', 'rejected'))`,
    })
    .from(topups)
    .where(refundDue)
    .orderBy(sql`${topups.upstreamCreatedAt} asc nulls first`, sql`${topups.id} asc nulls first`)
    .limit(limit);
}

export type RefundDueRow = Awaited<ReturnType<typeof listRefundsDue>>[number];

/** Count from the trigger-kept counter; the DZD total over the (small) due set. */
export async function refundsDueTotals(db: Db) {
  const [[count], [sum]] = await Promise.all([
    db.select({ n: topupCounts.n }).from(topupCounts).where(eq(topupCounts.bucket, 'refund_due')),
    db
      .select({
        total: sql<string>`coalesce(sum(${refundAmountSql}::numeric), 0)::text`,
      })
      .from(topups)
      .where(refundDue),
  ]);
  return { count: Number(count?.n ?? 0), total: sum?.total ?? '0' };
}

/** What the refunds page shows of a refund: who asked, for whom, how much, when. */
const refundLine = {
  topupPk: refunds.topupPk,
  amount: refunds.amount,
  createdAt: refunds.createdAt,
  createdVia: refunds.createdVia,
  byName: users.name,
  msisdn: topups.msisdn,
  ref: topups.ref,
};

export function listAwaitingApproval(db: Db) {
  return db
    .select({ ...refundLine, createdBy: refunds.createdBy, approvalReason: refunds.approvalReason })
    .from(refunds)
    .innerJoin(topups, eq(topups.id, refunds.topupPk))
    .leftJoin(users, eq(users.id, refunds.createdBy))
    .where(eq(refunds.state, 'awaiting_approval'))
    .orderBy(asc(refunds.createdAt))
    .limit(200);
}

export function listRecentRefunds(db: Db, limit = 50) {
  return db
    .select({ ...refundLine, delivery: refundDeliveries.state })
    .from(refunds)
    .innerJoin(topups, eq(topups.id, refunds.topupPk))
    .leftJoin(users, eq(users.id, refunds.createdBy))
    .leftJoin(refundDeliveries, eq(refundDeliveries.refundId, refunds.id))
    .where(eq(refunds.state, 'approved'))
    .orderBy(desc(refunds.createdAt))
    .limit(limit);
}

export function listDeliveryAttempts(db: Db, refundId: string) {
  return db
    .select({
      id: refundDeliveryAttempts.id,
      at: refundDeliveryAttempts.at,
      statusCode: refundDeliveryAttempts.statusCode,
      latencyMs: refundDeliveryAttempts.latencyMs,
      error: refundDeliveryAttempts.error,
      trigger: refundDeliveryAttempts.trigger,
    })
    .from(refundDeliveryAttempts)
    .where(eq(refundDeliveryAttempts.refundId, refundId))
    .orderBy(desc(refundDeliveryAttempts.at))
    .limit(50);
}

/** A refund as callers see it: who, when, how much, and whether the merchant was told. */
export async function refundView(db: Db | Tx, topupPk: number) {
  const [row] = await db
    .select({
      id: refunds.id,
      topupPk: refunds.topupPk,
      amount: refunds.amount,
      state: refunds.state,
      approvalReason: refunds.approvalReason,
      createdAt: refunds.createdAt,
      createdVia: refunds.createdVia,
      createdBy: refunds.createdBy,
      byName: users.name,
      reason: refunds.reason,
      note: refunds.note,
      decidedAt: refunds.decidedAt,
      delivery: refundDeliveries.state,
      deliveredAt: refundDeliveries.deliveredAt,
      deliveryAttempts: refundDeliveries.attempts,
    })
    .from(refunds)
    .leftJoin(users, eq(users.id, refunds.createdBy))
    .leftJoin(refundDeliveries, eq(refundDeliveries.refundId, refunds.id))
    .where(eq(refunds.topupPk, topupPk));
  return row ?? null;
}

export type RefundView = NonNullable<Awaited<ReturnType<typeof refundView>>>;

/**
 * The refund of a chain (an original and OneClick's retries or follow-ups of it): the one in
 * force on any member, else the original's (maybe rejected), else none.
 */
export async function chainRefund(db: Db | Tx, members: readonly number[], rootPk: number) {
  const [live] = await db
    .select({ topupPk: refunds.topupPk })
    .from(refunds)
    .where(and(inArray(refunds.topupPk, [...members]), ne(refunds.state, 'rejected')))
    .limit(1);
  return refundView(db, live?.topupPk ?? rootPk);
}

/** The order facts a refund needs. */
export async function refundableOrder(db: Db, topupPk: number) {
  const [row] = await db
    .select({
      id: topups.id,
      topupId: topups.topupId,
      refundAmount: refundAmountSql,
      unknownErrorAt: topups.unknownErrorAt,
    })
    .from(topups)
    .where(eq(topups.id, topupPk));
  return row ?? null;
}

/** Where the engine will next check an order (the refusal says when to try again). */
export async function orderNextCheckAt(db: Db | Tx, topupPk: number): Promise<Date | null> {
  const [row] = await db
    .select({ nextCheckAt: topups.nextCheckAt })
    .from(topups)
    .where(eq(topups.id, topupPk));
  return row?.nextCheckAt ?? null;
}

/** A refund as first recorded (or recorded again over a rejected one). */
export type RefundRecord = Omit<typeof refunds.$inferInsert, 'id' | 'topupPk'>;

/**
 * Records the refund of a top-up and returns its id; undefined when the top-up already has one
 * that is not rejected.
 */
export async function recordRefund(tx: Tx, topupPk: number, fresh: RefundRecord) {
  // The unique topup_pk makes this the one refund; a rejected request may be made again.
  const [row] = await tx
    .insert(refunds)
    .values({ topupPk, ...fresh })
    .onConflictDoUpdate({
      target: refunds.topupPk,
      set: fresh,
      where: eq(refunds.state, 'rejected'),
    })
    .returning({ id: refunds.id });
  return row;
}

/** Records the decision on a refund awaiting approval; undefined when it no longer awaits one. */
export async function decideAwaitingRefund(
  tx: Tx,
  refundId: string,
  decision: {
    state: 'approved' | 'rejected';
    decidedBy: string | null;
    decidedAt: Date;
    decisionNote: string | null;
  },
) {
  const [row] = await tx
    .update(refunds)
    .set(decision)
    .where(and(eq(refunds.id, refundId), eq(refunds.state, 'awaiting_approval')))
    .returning({ id: refunds.id });
  return row;
}

/** Marks the order's customer refunded at `now` (once: a refunded order keeps its time). */
export async function markOrderRefunded(tx: Tx, topupPk: number, now: Date): Promise<void> {
  await tx
    .update(topups)
    .set({ refundedAt: now, updatedAt: now })
    .where(and(eq(topups.id, topupPk), isNull(topups.refundedAt)));
}

/** Re-sends OneClick took and delivered (their new order FULFILLED), sent in [from, to). */
function deliveredResend(db: Db, span: { from: Date; to?: Date }): SQL | undefined {
  const delivered = db
    .select({ id: topups.id })
    .from(topups)
    .where(and(eq(topups.topupId, resends.newTopupId), eq(topups.status, 'FULFILLED')));
  return and(
    eq(resends.state, 'sent'),
    gte(resends.sentAt, span.from),
    span.to ? lt(resends.sentAt, span.to) : undefined,
    sql`exists (${delivered})`,
  );
}

/** How many, and what their originals would have refunded (the refund rule, on the original). */
const avoided = {
  count: sql<number>`count(*)::int`,
  amount: sql<string>`coalesce(sum(${refundAmountSql}::numeric), 0)::text`,
};

/**
 * Refunds a re-send made unnecessary since `since`: re-sends OneClick delivered, and what their
 * originals would have refunded (the manager's landing).
 */
export async function refundsAvoided(db: Db, since: Date) {
  const [row] = await db
    .select(avoided)
    .from(resends)
    .innerJoin(topups, eq(topups.id, resends.originalPk))
    .where(deliveredResend(db, { from: since }));
  return { count: row?.count ?? 0, amount: row?.amount ?? '0' };
}

export type RecoveredPoint = { key: string; recovered: number; amount: string };

/**
 * The reports' "recovered" series: delivered re-sends per chart bucket of when they were sent.
 * Re-sends are few (a share of refunds), so this reads them directly rather than a rollup.
 */
export async function recoveredByBucket(db: Db, r: RollupRange): Promise<RecoveredPoint[]> {
  const key = bucketOf(sql`${resends.sentAt}`, r.granularity, r.timeZone);
  const rows = await db
    .select({ key: sql<string>`${key}`, recovered: avoided.count, amount: avoided.amount })
    .from(resends)
    .innerJoin(topups, eq(topups.id, resends.originalPk))
    .where(deliveredResend(db, r))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return rows;
}
