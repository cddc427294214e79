import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { idempotencyKeys } from '../../db/schema';
import { type ApiReply, errorReply } from './responses';

// `Idempotency-Key` for the shop's POSTs: the same key with the same request gets the same
// answer, replayed from the database; the same key with a different request is refused.

const KEY = /^[\x21-\x7E]{1,255}$/;

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

/**
 * Runs `handle` at most once per (token, key). Returns the stored answer for a repeat, a 422 for
 * a reused key with a different request, a 409 while the first request is still running.
 */
export async function idempotent(
  db: Db,
  opts: { tokenId: string; key: string | null; hash: string },
  handle: () => Promise<ApiReply>,
): Promise<ApiReply> {
  if (opts.key === null) return handle();
  if (!KEY.test(opts.key)) {
    return errorReply(
      400,
      'invalid_field',
      'Idempotency-Key must be 1 to 255 printable ASCII characters.',
      { field: 'Idempotency-Key' },
    );
  }
  const where = and(eq(idempotencyKeys.tokenId, opts.tokenId), eq(idempotencyKeys.key, opts.key));
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ tokenId: opts.tokenId, key: opts.key, requestHash: opts.hash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (!claimed) {
    const [first] = await db.select().from(idempotencyKeys).where(where);
    if (!first)
      return errorReply(
        409,
        'request_in_progress',
        'A request with this Idempotency-Key is in progress; retry shortly.',
      );
    if (first.requestHash !== opts.hash) {
      return errorReply(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different request.',
        { field: 'Idempotency-Key' },
      );
    }
    if (first.responseStatus === null)
      return errorReply(
        409,
        'request_in_progress',
        'A request with this Idempotency-Key is in progress; retry shortly.',
      );
    return {
      status: first.responseStatus,
      body: first.responseBody,
      headers: { 'idempotent-replayed': 'true' },
    };
  }
  try {
    const reply = await handle();
    await db
      .update(idempotencyKeys)
      .set({ responseStatus: reply.status, responseBody: reply.body })
      .where(where);
    return reply;
  } catch (error) {
    // Nothing was answered: free the key so the shop's retry runs the request again.
    await db.delete(idempotencyKeys).where(and(where, isNull(idempotencyKeys.responseStatus)));
    throw error;
  }
}
