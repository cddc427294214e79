import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { apiTokens, ingestQueue } from '../schema';
import { claimDue } from './claim';

// The worker's side of ingest_queue: registrations the shop sent while the upstream could not
// confirm them, drained by lib/sync/ingest-queue.ts.

/** The name of the token that registered the row, for the event's actor. */
const TOKEN_NAME = sql<string | null>`
  (select t.name from ${apiTokens} t where t.id = ${ingestQueue}.token_id)`;

/**
 * Claims up to `limit` due registrations (FOR UPDATE SKIP LOCKED, then a lease written into
 * next_attempt_at: `leaseMs` later they come due again unless handled).
 */
export function claimDueRegistrations(
  db: Db | Tx,
  params: { now: Date; limit: number; leaseMs: number },
) {
  return claimDue(db, {
    table: ingestQueue,
    key: ingestQueue.topupId,
    dueAt: ingestQueue.nextAttemptAt,
    now: params.now,
    limit: params.limit,
    lease: { postponeMs: params.leaseMs },
    returning: {
      topupId: ingestQueue.topupId,
      ref: ingestQueue.ref,
      customerRef: ingestQueue.customerRef,
      customerPrice: ingestQueue.customerPrice,
      attempts: ingestQueue.attempts,
      receivedAt: ingestQueue.receivedAt,
      tokenName: TOKEN_NAME,
    },
  });
}

export type ClaimedRegistration = Awaited<ReturnType<typeof claimDueRegistrations>>[number];

/**
 * Removes a registration once applied. Only the values we applied: a repeat POST that filled a
 * field meanwhile keeps the row, and the next drain applies that too.
 */
export async function removeRegistered(
  db: Db | Tx,
  row: Pick<ClaimedRegistration, 'topupId' | 'customerRef' | 'customerPrice'>,
) {
  await db
    .delete(ingestQueue)
    .where(
      and(
        eq(ingestQueue.topupId, row.topupId),
        sql`${ingestQueue.customerRef} is not distinct from ${row.customerRef}`,
        sql`${ingestQueue.customerPrice} is not distinct from ${row.customerPrice}::numeric`,
      ),
    );
}

/** A failed attempt: its count, the reason and when to try next (or "never", for a give-up). */
export async function recordRegistrationFailure(
  db: Db | Tx,
  params: { topupId: string; attempts: number; lastError: string; nextAttemptAt: Date },
) {
  await db
    .update(ingestQueue)
    .set({
      attempts: params.attempts,
      lastError: params.lastError,
      nextAttemptAt: params.nextAttemptAt,
    })
    .where(eq(ingestQueue.topupId, params.topupId));
}

/** Hands claimed registrations back untouched, due again at `at`. */
export async function releaseRegistrations(db: Db | Tx, topupIds: string[], at: Date) {
  if (topupIds.length === 0) return;
  await db
    .update(ingestQueue)
    .set({ nextAttemptAt: at })
    .where(inArray(ingestQueue.topupId, topupIds));
}
