import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import {
  findIdempotencyKey,
  insertIdempotencyClaim,
  releaseIdempotencyClaim,
  storeIdempotentAnswer,
  takeOverExpiredClaim,
} from '../../db/queries/idempotency';
import { type ApiReply, type ErrorCode, errorReply } from './responses';

// `Idempotency-Key` for the shop's POSTs: the same key with the same request gets the same
// answer, replayed from the database; the same key with a different request is refused.
// Only final answers are kept. A stored "try again later" would be replayed to every retry,
// and the customer would never be refunded.

const KEY = /^[\x21-\x7E]{1,255}$/;
/**
 * A claim without an answer older than this was left by a crash (the process died between
 * claiming and answering): a retry may take it over. Far above any honest request, which
 * waits at most for one upstream call and the order's lock.
 */
export const CLAIM_EXPIRY_MS = 2 * 60_000;

/** 4xx answers a retry of the same request may see differently, so they are not kept. */
const NOT_FINAL: ReadonlySet<ErrorCode> = new Set([
  'request_in_progress',
  'request_timeout',
  // Another attempt of the same refund is being confirmed with OneClick right now.
  'refund_in_progress',
  // The top-up may be registered, or OneClick may refund it, or a chain link may be learnt.
  'not_found',
  'not_refundable',
  'ambiguous_ref',
  // A re-send: being settled, refused by OneClick (its balance may be topped up), or made since.
  'already_resent',
  'not_resendable',
  'resend_refused',
  'resend_in_progress',
]);

/** Whether an answer is final: 2xx, or a 4xx that the same request will always get again. */
export function isFinal(reply: ApiReply): boolean {
  if (reply.status >= 200 && reply.status < 300) return true;
  if (reply.status < 400 || reply.status >= 500) return false;
  if (reply.status === 408 || reply.status === 429) return false;
  const code = (reply.body as { error?: unknown } | null)?.error;
  return !NOT_FINAL.has(code as ErrorCode);
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

const inProgress = () =>
  errorReply(
    409,
    'request_in_progress',
    'A request with this Idempotency-Key is in progress; retry shortly.',
    { headers: { 'retry-after': '2' } },
  );

type Opts = { tokenId: string; key: string | null; hash: string; now?: Date };

/**
 * Runs `handle` at most once per (token, key) until it gives a final answer. Returns the stored
 * answer for a repeat, a 422 for a reused key with a different request, a 409 while the first
 * request is still running.
 */
export async function idempotent(
  db: Db,
  opts: Opts,
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
  const claim = await claimKey(db, { ...opts, key: opts.key, now: opts.now ?? new Date() });
  if (claim.kind === 'answer') return claim.reply;

  // Our claim, identified by its time (db/queries/idempotency.ts says why).
  const mine = { tokenId: opts.tokenId, key: opts.key, at: claim.at };
  let reply: ApiReply;
  try {
    reply = await handle();
  } catch (error) {
    // Nothing was answered: free the key so the shop's retry runs the request again.
    await releaseIdempotencyClaim(db, mine);
    throw error;
  }
  if (isFinal(reply)) await storeIdempotentAnswer(db, mine, reply);
  else await releaseIdempotencyClaim(db, mine);
  return reply;
}

type Claim = { kind: 'claimed'; at: Date } | { kind: 'answer'; reply: ApiReply };

async function claimKey(
  db: Db,
  opts: { tokenId: string; key: string; hash: string; now: Date },
): Promise<Claim> {
  const key = { tokenId: opts.tokenId, key: opts.key };
  // Twice at most: a claim freed between our insert and our read is simply claimed again.
  for (let attempt = 0; attempt < 2; attempt++) {
    const claimed = await insertIdempotencyClaim(db, {
      ...key,
      requestHash: opts.hash,
      now: opts.now,
    });
    if (claimed) return { kind: 'claimed', at: claimed };

    const first = await findIdempotencyKey(db, key);
    if (!first) continue;
    if (first.requestHash !== opts.hash) {
      return {
        kind: 'answer',
        reply: errorReply(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was already used for a different request.',
          { field: 'Idempotency-Key' },
        ),
      };
    }
    if (first.responseStatus !== null) {
      return {
        kind: 'answer',
        reply: {
          status: first.responseStatus,
          body: first.responseBody,
          headers: { 'idempotent-replayed': 'true' },
        },
      };
    }
    if (first.createdAt.getTime() > opts.now.getTime() - CLAIM_EXPIRY_MS)
      return { kind: 'answer', reply: inProgress() };
    // A crashed claim: take it over (exactly one racing retry gets it).
    const taken = await takeOverExpiredClaim(db, {
      ...key,
      now: opts.now,
      expiredBefore: new Date(opts.now.getTime() - CLAIM_EXPIRY_MS),
    });
    if (taken) return { kind: 'claimed', at: taken };
    return { kind: 'answer', reply: inProgress() };
  }
  return { kind: 'answer', reply: inProgress() };
}
