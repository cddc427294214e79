import 'server-only';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { refunds, topupEvents, topups, users } from '../schema';

// Writes the desk's small actions make (a note, a recheck request, a language), kept with the
// other queries so actions only orchestrate.

/** A person's note, in the order's append-only timeline next to what the upstream said. */
export async function addNote(
  db: Db | Tx,
  input: { topupPk: number; userId: string; actor: string; body: string },
) {
  await db.insert(topupEvents).values({
    topupPk: input.topupPk,
    kind: 'note',
    source: 'manual',
    actorUserId: input.userId,
    actor: input.actor,
    message: input.body,
  });
}

/**
 * Moves UNKNOWN_ERROR orders to the front of the engine's queue, skipping those checked within
 * `minGapMs`; returns the ids queued.
 */
export async function queueRechecks(tx: Tx, ids: number[], now: Date, minGapMs: number) {
  return tx
    .update(topups)
    .set({ nextCheckAt: now })
    .where(
      and(
        inArray(topups.id, ids),
        eq(topups.status, 'UNKNOWN_ERROR'),
        or(
          isNull(topups.lastCheckedAt),
          lt(topups.lastCheckedAt, new Date(now.getTime() - minGapMs)),
        ),
      ),
    )
    .returning({ id: sql<number>`${topups.id}` });
}

export async function setUserLocale(db: Db, userId: string, locale: string) {
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
}

/** The refund id of an order, if it has one. */
export async function refundIdOf(db: Db | Tx, topupPk: number) {
  const [refund] = await db
    .select({ id: refunds.id })
    .from(refunds)
    .where(eq(refunds.topupPk, topupPk));
  return refund?.id ?? null;
}

/** Can we reach the database (health probes). */
export async function ping(db: Db) {
  await db.execute(sql`select 1`);
}
