import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { idempotencyKeys } from '../schema';

// The rows behind the API's `Idempotency-Key` (lib/api/idempotency.ts decides what they mean):
// one per (token, key), claimed at a time, later holding the final answer.

/** One key of one token. */
export type IdempotencyKey = { tokenId: string; key: string };
/** A claim of a key, identified by the time it was claimed (or taken over) at. */
export type IdempotencyClaim = IdempotencyKey & { at: Date };

/**
 * Claims the key for this request at `now`; returns the claim's time, or null when the key is
 * already held (claimed or answered).
 */
export async function insertIdempotencyClaim(
  db: Db | Tx,
  params: IdempotencyKey & { requestHash: string; now: Date },
): Promise<Date | null> {
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({
      tokenId: params.tokenId,
      key: params.key,
      requestHash: params.requestHash,
      createdAt: params.now,
    })
    .onConflictDoNothing()
    .returning({ at: idempotencyKeys.createdAt });
  return claimed?.at ?? null;
}

const keyIs = (params: IdempotencyKey) =>
  and(eq(idempotencyKeys.tokenId, params.tokenId), eq(idempotencyKeys.key, params.key));

/** The key's row as it stands (request hash, answer if any, claim time), or null. */
export async function findIdempotencyKey(db: Db | Tx, params: IdempotencyKey) {
  const [first] = await db.select().from(idempotencyKeys).where(keyIs(params));
  return first ?? null;
}

/**
 * Takes over an unanswered claim made before `expiredBefore` (left by a crash), re-claiming it
 * at `now`; returns the new claim's time, or null when another retry got it first.
 */
export async function takeOverExpiredClaim(
  db: Db | Tx,
  params: IdempotencyKey & { now: Date; expiredBefore: Date },
): Promise<Date | null> {
  // One UPDATE takes it over. Racing retries queue on the row lock and re-check the condition
  // after the winner commits, so exactly one of them gets it.
  const [taken] = await db
    .update(idempotencyKeys)
    .set({ createdAt: params.now })
    .where(
      and(
        keyIs(params),
        isNull(idempotencyKeys.responseStatus),
        lt(idempotencyKeys.createdAt, params.expiredBefore),
      ),
    )
    .returning({ at: idempotencyKeys.createdAt });
  return taken?.at ?? null;
}

// The claim is identified by its time: a slow request whose claim was taken over after expiry
// can neither store its answer over the new one nor free the new claim.
const claimIs = (claim: IdempotencyClaim) =>
  and(
    keyIs(claim),
    eq(idempotencyKeys.createdAt, claim.at),
    isNull(idempotencyKeys.responseStatus),
  );

/** Stores the final answer on our still-unanswered claim, to be replayed to repeats. */
export async function storeIdempotentAnswer(
  db: Db | Tx,
  claim: IdempotencyClaim,
  answer: { status: number; body: unknown },
) {
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: answer.status, responseBody: answer.body })
    .where(claimIs(claim));
}

/** Frees our still-unanswered claim, so the next request with the key runs again. */
export async function releaseIdempotencyClaim(db: Db | Tx, claim: IdempotencyClaim) {
  await db.delete(idempotencyKeys).where(claimIs(claim));
}
