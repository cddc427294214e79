import { and, asc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { refundDeliveries, resends, topups, users } from '../schema';

// Re-sends (lib/resends decides; these are its reads and writes). One row per original: a
// failed or rejected re-send may be asked again, reusing the row and its ref.

/** A re-send as people see it: who asked, where it stands, the order it became. */
export async function resendView(db: Db | Tx, originalPk: number) {
  const [row] = await db
    .select({
      id: resends.id,
      originalPk: resends.originalPk,
      ref: resends.ref,
      planCode: resends.planCode,
      amount: resends.amount,
      cost: resends.cost,
      state: resends.state,
      approvalReason: resends.approvalReason,
      createdBy: resends.createdBy,
      createdVia: resends.createdVia,
      byName: users.name,
      createdAt: resends.createdAt,
      decidedAt: resends.decidedAt,
      sendingAt: resends.sendingAt,
      newTopupId: resends.newTopupId,
      newTopupPk: resends.newTopupPk,
      sentAt: resends.sentAt,
      settledVia: resends.settledVia,
      errorCode: resends.errorCode,
      errorMessage: resends.errorMessage,
      errorField: resends.errorField,
      // The merchant's notice of it (topup.resent), once OneClick took it.
      delivery: refundDeliveries.state,
      deliveredAt: refundDeliveries.deliveredAt,
      deliveryAttempts: refundDeliveries.attempts,
    })
    .from(resends)
    .leftJoin(users, eq(users.id, resends.createdBy))
    .leftJoin(refundDeliveries, eq(refundDeliveries.refundId, resends.id))
    .where(eq(resends.originalPk, originalPk));
  return row ?? null;
}

export type ResendView = NonNullable<Awaited<ReturnType<typeof resendView>>>;

/** Whether a re-send of the original waits for approval or is being sent (chain: open). */
export async function resendPending(db: Db | Tx, originalPk: number): Promise<boolean> {
  const [row] = await db
    .select({ id: resends.id })
    .from(resends)
    .where(
      and(
        eq(resends.originalPk, originalPk),
        inArray(resends.state, ['awaiting_approval', 'sending']),
      ),
    );
  return row !== undefined;
}

/** The order facts a re-send needs. */
export async function resendableOrder(db: Db | Tx, topupPk: number) {
  const [row] = await db
    .select({
      id: topups.id,
      topupId: topups.topupId,
      msisdn: topups.msisdn,
      planCode: topups.planCode,
      status: topups.status,
      suggestedOffers: topups.suggestedOffers,
      unknownErrorAt: topups.unknownErrorAt,
      refundedAt: topups.refundedAt,
    })
    .from(topups)
    .where(eq(topups.id, topupPk));
  return row ?? null;
}

export type ResendClaim = {
  ref: string;
  planCode: string;
  amount: string;
  cost: string | null;
  state: 'awaiting_approval' | 'sending';
  approvalReason: string | null;
  createdBy: string | null;
  createdVia: string;
  createdAt: Date;
  sendingAt: Date | null;
};

/**
 * Claims the original's one re-send: a new row, or the failed or rejected one asked again
 * (same ref). Undefined when a re-send is already under way or done.
 */
export async function claimResend(tx: Tx, originalPk: number, claim: ResendClaim) {
  const fresh = {
    ...claim,
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    newTopupId: null,
    newTopupPk: null,
    sentAt: null,
    settledVia: null,
    errorCode: null,
    errorMessage: null,
    errorField: null,
    updatedAt: claim.createdAt,
  };
  const [row] = await tx
    .insert(resends)
    .values({ originalPk, ...fresh })
    .onConflictDoUpdate({
      target: resends.originalPk,
      set: fresh,
      where: inArray(resends.state, ['failed', 'rejected']),
    })
    .returning({ id: resends.id });
  return row;
}

/** A second finance user's decision; undefined when the re-send no longer awaits one. */
export async function decideAwaitingResend(
  tx: Tx,
  id: string,
  decision: {
    state: 'sending' | 'rejected';
    decidedBy: string | null;
    decidedAt: Date;
    decisionNote: string | null;
  },
) {
  const [row] = await tx
    .update(resends)
    .set({
      ...decision,
      sendingAt: decision.state === 'sending' ? decision.decidedAt : null,
      updatedAt: decision.decidedAt,
    })
    .where(and(eq(resends.id, id), eq(resends.state, 'awaiting_approval')))
    .returning({ id: resends.id });
  return row;
}

/** OneClick took the send: the new order's id. Undefined if it was settled already. */
export async function markResendSent(
  tx: Tx,
  id: string,
  sent: { newTopupId: string; at: Date; settledVia: 'answer' | 'check-ref' | 'list' },
) {
  const [row] = await tx
    .update(resends)
    .set({
      state: 'sent',
      newTopupId: sent.newTopupId,
      sentAt: sent.at,
      settledVia: sent.settledVia,
      updatedAt: sent.at,
    })
    .where(
      and(
        eq(resends.id, id),
        or(
          eq(resends.state, 'sending'),
          // Given up on (OneClick held no such order for 15 minutes), and OneClick made it after all.
          and(eq(resends.state, 'failed'), eq(resends.errorCode, 'NOT_FOUND')),
        ),
      ),
    )
    .returning({ id: resends.id, originalPk: resends.originalPk });
  return row;
}

/** OneClick refused the send, or holds no order under its ref. Undefined if settled already. */
export async function markResendFailed(
  tx: Tx,
  id: string,
  failure: { code: string; message: string; field: string | null; at: Date },
) {
  const [row] = await tx
    .update(resends)
    .set({
      state: 'failed',
      errorCode: failure.code,
      errorMessage: failure.message,
      errorField: failure.field,
      updatedAt: failure.at,
    })
    .where(and(eq(resends.id, id), eq(resends.state, 'sending')))
    .returning({ id: resends.id, originalPk: resends.originalPk });
  return row;
}

/** The new order, once it is held. */
export async function setResendNewOrder(db: Db | Tx, id: string, newTopupPk: number) {
  await db.update(resends).set({ newTopupPk }).where(eq(resends.id, id));
}

/** The original names its re-send, so the chain (lib/sync/chain.ts) follows it. */
export async function nameResendOrder(tx: Tx, originalPk: number, topupId: string, at: Date) {
  await tx
    .update(topups)
    .set({ resendOrderId: topupId, updatedAt: at })
    .where(eq(topups.id, originalPk));
}

/** Re-sends claimed for sending before `before` and not settled: their answer was lost. */
export function unsettledResends(db: Db, before: Date, limit: number) {
  return db
    .select({
      id: resends.id,
      originalPk: resends.originalPk,
      ref: resends.ref,
      sendingAt: resends.sendingAt,
    })
    .from(resends)
    .where(and(eq(resends.state, 'sending'), lt(resends.sendingAt, before)))
    .orderBy(asc(resends.sendingAt))
    .limit(limit);
}

/** Re-sends waiting for a second finance user, oldest first (the refunds page). */
export function listResendsAwaiting(db: Db) {
  return db
    .select({
      originalPk: resends.originalPk,
      msisdn: topups.msisdn,
      planCode: resends.planCode,
      amount: resends.amount,
      createdBy: resends.createdBy,
      createdVia: resends.createdVia,
      byName: users.name,
      createdAt: resends.createdAt,
    })
    .from(resends)
    .innerJoin(topups, eq(topups.id, resends.originalPk))
    .leftJoin(users, eq(users.id, resends.createdBy))
    .where(eq(resends.state, 'awaiting_approval'))
    .orderBy(asc(resends.createdAt))
    .limit(200);
}

/**
 * Re-sends given up on (OneClick held no order under their ref for 15 minutes) whose ref has
 * since turned up in our orders: OneClick made them late.
 */
export function lateResends(db: Db, limit: number) {
  return db
    .select({
      id: resends.id,
      originalPk: resends.originalPk,
      planCode: resends.planCode,
      amount: resends.amount,
      topupId: topups.topupId,
    })
    .from(resends)
    .innerJoin(topups, eq(topups.ref, resends.ref))
    .where(and(eq(resends.state, 'failed'), eq(resends.errorCode, 'NOT_FOUND')))
    .limit(limit);
}
