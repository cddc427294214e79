import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { topupEvents, topups } from '../schema';

export const UNKNOWN_QUEUE_LIMIT = 200;

/** UNKNOWN_ERROR orders, longest-waiting first (partial index topups_unknown_idx). */
export function listUnknownQueue(db: Db) {
  return db
    .select({
      id: topups.id,
      topupId: topups.topupId,
      ref: topups.ref,
      msisdn: topups.msisdn,
      topupAmount: topups.topupAmount,
      planCode: topups.planCode,
      upstreamCreatedAt: topups.upstreamCreatedAt,
      unknownErrorAt: topups.unknownErrorAt,
      nextCheckAt: topups.nextCheckAt,
      refundMessage: topups.refundMessage,
    })
    .from(topups)
    .where(eq(topups.status, 'UNKNOWN_ERROR'))
    .orderBy(asc(topups.unknownErrorAt), asc(topups.id))
    .limit(UNKNOWN_QUEUE_LIMIT);
}

export type UnknownRow = Awaited<ReturnType<typeof listUnknownQueue>>[number];

/** Timelines of the given orders, for their escalation packs. */
export async function eventsFor(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, EventLine[]>();
  const rows = await db
    .select({
      topupPk: topupEvents.topupPk,
      kind: topupEvents.kind,
      toStatus: topupEvents.toStatus,
      source: topupEvents.source,
      requestId: topupEvents.requestId,
      message: topupEvents.message,
      createdAt: topupEvents.createdAt,
    })
    .from(topupEvents)
    .where(and(inArray(topupEvents.topupPk, ids)))
    .orderBy(asc(topupEvents.createdAt), asc(topupEvents.id));
  const by = new Map<number, EventLine[]>();
  for (const row of rows) by.set(row.topupPk, [...(by.get(row.topupPk) ?? []), row]);
  return by;
}

export type EventLine = {
  kind: string;
  toStatus: string | null;
  source: string;
  requestId: string | null;
  message: string | null;
  createdAt: Date;
};
