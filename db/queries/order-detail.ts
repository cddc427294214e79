import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { topupEvents, topups } from '../schema';
import { refundAmountSql } from './refunds';

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
      resendOrderId: topups.resendOrderId,
      parentPk: topups.parentPk,
      linkKind: topups.linkKind,
      chainState: topups.chainState,
      upstreamCreatedAt: topups.upstreamCreatedAt,
      customerRef: topups.customerRef,
      customerPrice: topups.customerPrice,
      refundAmount: refundAmountSql,
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

/**
 * The orders linked to this one: the original it retries, follows up or re-sends (if any), and
 * the retry, follow-up and re-send it names, with null where we have not fetched that id yet.
 */
export async function getLinkedOrders(
  db: Db,
  order: Pick<Order, 'parentPk' | 'retryOrderId' | 'followOrderId' | 'resendOrderId'>,
) {
  const named = [order.retryOrderId, order.followOrderId, order.resendOrderId].filter(
    (v): v is string => !!v,
  );
  const link = { id: topups.id, topupId: topups.topupId, status: topups.status };
  const [parent, children] = await Promise.all([
    order.parentPk
      ? db.select(link).from(topups).where(eq(topups.id, order.parentPk))
      : Promise.resolve([]),
    named.length
      ? db.select(link).from(topups).where(inArray(topups.topupId, named))
      : Promise.resolve([]),
  ]);
  const held = (topupId: string | null) =>
    topupId ? { topupId, order: children.find((c) => c.topupId === topupId) ?? null } : null;
  return {
    parent: parent[0] ?? null,
    retry: held(order.retryOrderId),
    follow: held(order.followOrderId),
    resend: held(order.resendOrderId),
  };
}

export type LinkedOrders = Awaited<ReturnType<typeof getLinkedOrders>>;

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
