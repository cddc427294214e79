import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { refundDeliveries, refunds, topups, users } from '../../db/schema';

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
      topupAmount: topups.topupAmount,
      customerPrice: topups.customerPrice,
      unknownErrorAt: topups.unknownErrorAt,
    })
    .from(topups)
    .where(eq(topups.id, topupPk));
  return row ?? null;
}
