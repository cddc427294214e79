import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ingestQueue, topups } from '../../db/schema';
import { recordAudit, SYSTEM_ACTOR } from '../audit';
import { type Conflict, fillsFor, findConflict } from './conflicts';
import type { IngestInput } from './input';
import type { ApiToken } from './tokens';

// The writes the ingest API makes itself. Top-up rows are created only through
// lib/sync/observe.ts; here we only fill the shop's own fields (customer ref and price) on a
// row we already hold, and keep registrations the upstream could not confirm yet.

export type HeldOutcome =
  | { kind: 'absent' }
  | { kind: 'conflict'; conflict: Conflict }
  | { kind: 'ok' };

/** A repeat registration of a top-up we hold: compare under a row lock, fill empty fields. */
export async function registerHeld(
  db: Db,
  token: ApiToken,
  input: IngestInput,
  now: Date,
): Promise<HeldOutcome> {
  return db.transaction(async (tx) => {
    const [held] = await tx
      .select({
        id: topups.id,
        ref: topups.ref,
        customerRef: topups.customerRef,
        customerPrice: topups.customerPrice,
      })
      .from(topups)
      .where(eq(topups.topupId, input.topupId))
      .for('update');
    if (!held) return { kind: 'absent' };
    const conflict = findConflict(input.topupId, held, input, { refKnown: true });
    if (conflict) return { kind: 'conflict', conflict };
    const { ref: _upstreamOwnsRef, ...fills } = fillsFor(held, input);
    if (Object.keys(fills).length === 0) return { kind: 'ok' };
    await tx
      .update(topups)
      .set({ ...fills, updatedAt: now })
      .where(eq(topups.id, held.id));
    // No status changed, so observe() writes no event: the audit log says who set the price.
    await recordAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: 'ingest.customer_fields',
      outcome: 'ok',
      targetType: 'topup',
      targetId: input.topupId,
      details: { token: token.name, tokenId: token.id, ...fills },
    });
    return { kind: 'ok' };
  });
}

export async function queuedRegistration(db: Db, topupId: string) {
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
export async function refTakenElsewhere(db: Db, topupId: string, ref: string) {
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
 * Keeps a registration for the worker (lib/sync/ingest-queue.ts). Values already queued are
 * never overwritten (coalesce), so a concurrent conflicting request cannot change them; the
 * row is read back and compared, and a conflict is reported instead of a silent merge.
 */
export async function enqueue(
  db: Db,
  token: ApiToken,
  input: IngestInput,
  now: Date,
): Promise<Conflict | null> {
  const [row] = await db
    .insert(ingestQueue)
    .values({
      topupId: input.topupId,
      ref: input.ref ?? null,
      customerRef: input.customerRef ?? null,
      customerPrice: input.customerPrice ?? null,
      tokenId: token.id,
      receivedAt: now,
      nextAttemptAt: now,
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
  return findConflict(input.topupId, row, input, { refKnown: false });
}

export async function dropQueued(db: Db, topupId: string) {
  await db.delete(ingestQueue).where(eq(ingestQueue.topupId, topupId));
}
