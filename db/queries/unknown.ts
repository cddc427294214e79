import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { topupEvents, topups } from '../schema';
import { decodeCursor, encodeCursor } from './orders-cursor';

/** Rows on one page of the queue: a person works it from the top, a page at a time. */
export const UNKNOWN_PAGE_SIZE = 50;

const UNKNOWN_ROW = {
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
};

/**
 * One page of the UNKNOWN_ERROR orders, longest-waiting first, keyset-paged on
 * (unknown_error_at, id) over the partial index topups_unknown_idx, so the last page of a
 * 10,000-order backlog costs what the first does. Every UNKNOWN_ERROR row has its
 * unknown_error_at (lib/sync/observe.ts and the seed set it with the status).
 */
export async function listUnknownQueue(
  db: Db,
  opts: { size?: number; after?: string; before?: string } = {},
) {
  const size = opts.size ?? UNKNOWN_PAGE_SIZE;
  // The cursors hold an instant, as the orders list's `created` cursors do.
  const after = decodeCursor(opts.after, 'created');
  const before = decodeCursor(opts.before, 'created');
  const backwards = Boolean(before) && !after;
  const cursor = after ?? before;
  const key = sql`(${topups.unknownErrorAt}, ${topups.id})`;
  const rows = await db
    .select(UNKNOWN_ROW)
    .from(topups)
    .where(
      and(
        eq(topups.status, 'UNKNOWN_ERROR'),
        cursor
          ? backwards
            ? sql`${key} < (${cursor.value}, ${cursor.id})`
            : sql`${key} > (${cursor.value}, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(
      ...(backwards
        ? [desc(topups.unknownErrorAt), desc(topups.id)]
        : [asc(topups.unknownErrorAt), asc(topups.id)]),
    )
    .limit(size + 1);
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (backwards) page.reverse();
  const cursorOf = (row: (typeof page)[number] | undefined) =>
    row?.unknownErrorAt
      ? encodeCursor({ value: row.unknownErrorAt.toISOString(), id: row.id })
      : null;
  return {
    rows: page,
    next: backwards || more ? cursorOf(page.at(-1)) : null,
    prev: (backwards ? more : Boolean(cursor)) ? cursorOf(page[0]) : null,
  };
}

export type UnknownRow = Awaited<ReturnType<typeof listUnknownQueue>>['rows'][number];

/** One order and its timeline, for the escalation pack a person opens. */
export async function unknownOrder(db: Db, id: number) {
  const [order] = await db.select(UNKNOWN_ROW).from(topups).where(eq(topups.id, id));
  if (!order) return null;
  const events = (await eventsFor(db, [id])).get(id) ?? [];
  return { order, events };
}

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
