import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { topupEvents, topups } from '../schema';

/** Everything the order page shows about one top-up (all upstream fields and our own times). */
export async function getOrder(db: Db, id: number) {
  const [row] = await db
    .select({
      id: topups.id,
      topupId: topups.topupId,
      ref: topups.ref,
      status: topups.status,
      planCode: topups.planCode,
      operator: topups.operator,
      msisdn: topups.msisdn,
      topupAmount: topups.topupAmount,
      balanceAmount: topups.balanceAmount,
      refundMessage: topups.refundMessage,
      suggestedOffers: topups.suggestedOffers,
      followOrderId: topups.followOrderId,
      retryOrderId: topups.retryOrderId,
      upstreamCreatedAt: topups.upstreamCreatedAt,
      customerRef: topups.customerRef,
      customerPrice: topups.customerPrice,
      source: topups.source,
      firstSeenAt: topups.firstSeenAt,
      statusChangedAt: topups.statusChangedAt,
      finalizedAt: topups.finalizedAt,
      unknownErrorAt: topups.unknownErrorAt,
      lastCheckedAt: topups.lastCheckedAt,
      nextCheckAt: topups.nextCheckAt,
      checkCount: topups.checkCount,
      lastError: topups.lastError,
      stuck: topups.stuck,
      needsReview: topups.needsReview,
      refundedAt: topups.refundedAt,
    })
    .from(topups)
    .where(eq(topups.id, id));
  return row ?? null;
}

export type Order = NonNullable<Awaited<ReturnType<typeof getOrder>>>;

/** The timeline, oldest first. */
export function listEvents(db: Db, topupPk: number) {
  return db
    .select({
      id: topupEvents.id,
      kind: topupEvents.kind,
      fromStatus: topupEvents.fromStatus,
      toStatus: topupEvents.toStatus,
      source: topupEvents.source,
      actor: topupEvents.actor,
      requestId: topupEvents.requestId,
      message: topupEvents.message,
      payload: topupEvents.payload,
      createdAt: topupEvents.createdAt,
    })
    .from(topupEvents)
    .where(eq(topupEvents.topupPk, topupPk))
    .orderBy(asc(topupEvents.createdAt), asc(topupEvents.id));
}

export type OrderEvent = Awaited<ReturnType<typeof listEvents>>[number];
