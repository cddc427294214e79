import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { ingestQueue, topups } from '../schema';

// The writes the ingest API makes itself (lib/api/ingest-store.ts). Top-up rows are created
// only through lib/sync/observe.ts; here we only fill the shop's own fields (customer ref and
// price) on a row we already hold, and keep registrations the upstream could not confirm yet.

/** The shop's fields of a registration, as held in a top-up or in the queue. */
export type RegisteredFields = {
  ref: string | null;
  customerRef: string | null;
  customerPrice: string | null;
};

/** The top-up with this upstream id, locked FOR UPDATE until the transaction ends; or null. */
export async function lockHeldTopup(tx: Tx, topupId: string) {
  const [held] = await tx
    .select({
      id: topups.id,
      ref: topups.ref,
      customerRef: topups.customerRef,
      customerPrice: topups.customerPrice,
    })
    .from(topups)
    .where(eq(topups.topupId, topupId))
    .for('update');
  return held ?? null;
}

/** Sets the shop's still-empty fields on a held top-up (no status change, so no event). */
export async function fillCustomerFields(
  db: Db | Tx,
  params: { id: number; fills: Partial<Omit<RegisteredFields, 'ref'>>; now: Date },
) {
  await db
    .update(topups)
    .set({ ...params.fills, updatedAt: params.now })
    .where(eq(topups.id, params.id));
}

/** The registration queued for this top-up, or null. */
export async function queuedRegistration(
  db: Db | Tx,
  topupId: string,
): Promise<RegisteredFields | null> {
  const [row] = await db
    .select({
      ref: ingestQueue.ref,
      customerRef: ingestQueue.customerRef,
      customerPrice: ingestQueue.customerPrice,
    })
    .from(ingestQueue)
    .where(eq(ingestQueue.topupId, topupId));
  return row ?? null;
}

/**
 * A ref already used by another top-up or registration: the upstream would refuse it too.
 * OneClick's own retry of an order may carry the same ref; that is not a clash.
 */
export async function refTakenElsewhere(db: Db | Tx, topupId: string, ref: string) {
  const [held] = await db
    .select({ topupId: topups.topupId })
    .from(topups)
    .where(and(eq(topups.ref, ref), ne(topups.topupId, topupId), isNull(topups.parentPk)))
    .limit(1);
  if (held) return held.topupId;
  const [queued] = await db
    .select({ topupId: ingestQueue.topupId })
    .from(ingestQueue)
    .where(and(eq(ingestQueue.ref, ref), ne(ingestQueue.topupId, topupId)))
    .limit(1);
  return queued?.topupId ?? null;
}

/**
 * Queues a registration for the worker (lib/sync/ingest-queue.ts), or merges it into the one
 * queued; returns the row as it now stands. Values already queued are never overwritten
 * (coalesce), so a concurrent conflicting request cannot change them: the caller compares the
 * row read back and reports a conflict instead of a silent merge.
 */
export async function upsertQueuedRegistration(
  db: Db | Tx,
  params: RegisteredFields & { topupId: string; tokenId: string; now: Date },
): Promise<RegisteredFields> {
  const [row] = await db
    .insert(ingestQueue)
    .values({
      topupId: params.topupId,
      ref: params.ref,
      customerRef: params.customerRef,
      customerPrice: params.customerPrice,
      tokenId: params.tokenId,
      receivedAt: params.now,
      nextAttemptAt: params.now,
    })
    .onConflictDoUpdate({
      target: ingestQueue.topupId,
      set: {
        ref: sql`coalesce(${ingestQueue.ref}, excluded.ref)`,
        customerRef: sql`coalesce(${ingestQueue.customerRef}, excluded.customer_ref)`,
        customerPrice: sql`coalesce(${ingestQueue.customerPrice}, excluded.customer_price)`,
      },
    })
    .returning({
      ref: ingestQueue.ref,
      customerRef: ingestQueue.customerRef,
      customerPrice: ingestQueue.customerPrice,
    });
  if (!row) throw new Error('ingest queue upsert returned no row');
  return row;
}

/** Removes the queued registration of this top-up, if any. */
export async function dropQueued(db: Db | Tx, topupId: string) {
  await db.delete(ingestQueue).where(eq(ingestQueue.topupId, topupId));
}
