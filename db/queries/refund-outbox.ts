import { and, eq, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../client';
import type { DeliveryState } from '../enums';
import { refundDeliveries, refundDeliveryAttempts, refunds, resends, topups } from '../schema';
import { claimDue } from './claim';

// The refund webhook's outbox: one delivery row per approved refund, and one attempt row per
// POST. Sending, signing and the waits between tries are decided by lib/refunds/webhook.ts.

/**
 * Queues a notice to the merchant's system, once per id: a refund that moved money (its id), or
 * a re-send OneClick took (`event: 'topup.resent'`, the re-send's id).
 */
export async function queueDelivery(
  tx: Tx,
  delivery: {
    refundId: string;
    event?: 'refund.created' | 'topup.resent';
    state: DeliveryState;
    nextAttemptAt: Date | null;
  },
): Promise<void> {
  await tx.insert(refundDeliveries).values(delivery).onConflictDoNothing();
}

/** Which notice a delivery carries (null: no such delivery). */
export async function noticeEvent(db: Db | Tx, id: string): Promise<string | null> {
  const [row] = await db
    .select({ event: refundDeliveries.event })
    .from(refundDeliveries)
    .where(eq(refundDeliveries.refundId, id));
  return row?.event ?? null;
}

/** What the merchant is told about a re-send, or null when there is no such re-send. */
export async function resendNotice(db: Db | Tx, resendId: string) {
  const renamed = alias(topups, 'resent');
  const [row] = await db
    .select({
      resendId: resends.id,
      topupId: topups.topupId,
      ref: topups.ref,
      phone: topups.msisdn,
      customerRef: topups.customerRef,
      planCode: resends.planCode,
      amount: resends.amount,
      newTopupId: resends.newTopupId,
      newRef: renamed.ref,
      sentAt: resends.sentAt,
    })
    .from(resends)
    .innerJoin(topups, eq(topups.id, resends.originalPk))
    .leftJoin(renamed, eq(renamed.topupId, resends.newTopupId))
    .where(eq(resends.id, resendId));
  return row ?? null;
}

/** What the merchant is told about a refund, or null when there is no such refund. */
export async function refundNotice(db: Db | Tx, refundId: string) {
  const [row] = await db
    .select({
      refundId: refunds.id,
      topupId: topups.topupId,
      ref: topups.ref,
      phone: topups.msisdn,
      amount: refunds.amount,
      customerRef: topups.customerRef,
      refundedAt: refunds.decidedAt,
      createdAt: refunds.createdAt,
    })
    .from(refunds)
    .innerJoin(topups, eq(topups.id, refunds.topupPk))
    .where(eq(refunds.id, refundId));
  return row ?? null;
}

/** One POST to the merchant, as it went (status code or error). */
export type DeliveryAttempt = {
  refundId: string;
  at: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  trigger: string;
};

/** Adds a POST to the refund's attempt history. */
export async function recordDeliveryAttempt(tx: Tx, attempt: DeliveryAttempt): Promise<void> {
  await tx.insert(refundDeliveryAttempts).values(attempt);
}

/** Locks a refund's delivery row for this transaction; returns its attempts so far (0 if none). */
export async function lockDeliveryAttempts(tx: Tx, refundId: string): Promise<number> {
  const [current] = await tx
    .select({ attempts: refundDeliveries.attempts })
    .from(refundDeliveries)
    .where(eq(refundDeliveries.refundId, refundId))
    .for('update');
  return current?.attempts ?? 0;
}

/**
 * Records how the latest attempt ended: delivered, or pending again from `retryAt`. Either way
 * the worker's lease on the row ends.
 */
export async function recordDeliveryOutcome(
  tx: Tx,
  outcome: {
    refundId: string;
    attempts: number;
    delivered: boolean;
    at: Date;
    retryAt: Date | null;
    statusCode: number | null;
    error: string | null;
  },
): Promise<void> {
  await tx
    .update(refundDeliveries)
    .set({
      attempts: outcome.attempts,
      state: outcome.delivered ? 'delivered' : 'pending',
      deliveredAt: outcome.delivered ? outcome.at : null,
      nextAttemptAt: outcome.retryAt,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
      claimedBy: null,
      claimedUntil: null,
    })
    .where(eq(refundDeliveries.refundId, outcome.refundId));
}

/** Claims up to `limit` due pending deliveries for `workerId` (SKIP LOCKED + a lease of `leaseMs`). */
export async function claimDueDeliveries(
  db: Db | Tx,
  claim: { now: Date; workerId: string; leaseMs: number; limit: number },
): Promise<{ refundId: string }[]> {
  return claimDue(db, {
    table: refundDeliveries,
    key: refundDeliveries.refundId,
    dueAt: refundDeliveries.nextAttemptAt,
    now: claim.now,
    // A literal, as in the partial index it is meant to use.
    where: sql`${refundDeliveries.state} = 'pending'`,
    limit: claim.limit,
    lease: {
      holder: refundDeliveries.claimedBy,
      until: refundDeliveries.claimedUntil,
      workerId: claim.workerId,
      ms: claim.leaseMs,
    },
    returning: { refundId: refundDeliveries.refundId },
  });
}

/** Finance asks for another delivery (even after a 2xx: the receiver dedupes by refund id). */
export async function queueRedelivery(db: Db | Tx, refundId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(refundDeliveries)
    .set({ state: 'pending', nextAttemptAt: now, claimedBy: null, claimedUntil: null })
    .where(
      and(
        eq(refundDeliveries.refundId, refundId),
        sql`${refundDeliveries.state} <> 'not_configured'`,
        lte(refundDeliveries.createdAt, now),
      ),
    )
    .returning({ id: refundDeliveries.refundId });
  return rows.length > 0;
}
