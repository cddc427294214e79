import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys } from '../../db/schema';
import { issueToken } from '../../test/api-support';
import { createTestDb, type TestDb } from '../../test/db';
import { idempotent, isFinal } from './idempotency';
import { type ApiReply, errorReply } from './responses';

// The shop retries a POST with the same Idempotency-Key until it gets an answer it can act on.
// Only final answers may be replayed: a stored "try again later" would be replayed forever.

let t: TestDb;
let tokenId: string;
beforeAll(async () => {
  t = await createTestDb();
  tokenId = (await issueToken(t.db, 'idempotent shop')).id;
});
afterAll(() => t.close());

let keys = 0;
const freshKey = () => `key-${++keys}`;
const created: ApiReply = { status: 201, body: { status: 'refunded' } };
const unavailable = errorReply(503, 'upstream_unavailable', 'OneClick could not confirm.', {
  headers: { 'retry-after': '30' },
});

/** A handler that answers the given replies in turn and counts how often it ran. */
function scripted(...replies: ApiReply[]) {
  const calls = { n: 0 };
  const handle = async () => replies[Math.min(calls.n++, replies.length - 1)] as ApiReply;
  return { calls, handle };
}

const run = (key: string, handle: () => Promise<ApiReply>, hash = 'h1', now?: Date) =>
  idempotent(t.db, { tokenId, key, hash, now }, handle);

async function storedRow(key: string) {
  const [row] = await t.db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key)));
  return row;
}

describe('Idempotency-Key', () => {
  it('replays a final answer for the same key and request, without running it again', async () => {
    const key = freshKey();
    const { calls, handle } = scripted(created);
    expect(await run(key, handle)).toEqual(created);
    const again = await run(key, handle);
    expect(again).toMatchObject({ status: 201, body: created.body });
    expect(again.headers).toMatchObject({ 'idempotent-replayed': 'true' });
    expect(calls.n).toBe(1);
  });

  it('does not replay a 503: the retry with the same key runs again and the refund goes through', async () => {
    const key = freshKey();
    const { calls, handle } = scripted(unavailable, created);
    expect((await run(key, handle)).status).toBe(503);
    expect(await storedRow(key)).toBeUndefined();
    expect(await run(key, handle)).toEqual(created);
    expect(calls.n).toBe(2);
    expect(await storedRow(key)).toMatchObject({ responseStatus: 201 });
  });

  it('stores only final answers: never a 5xx, a 408, a 429 or a 409 request_in_progress', () => {
    expect(isFinal(created)).toBe(true);
    expect(isFinal({ status: 202, body: {} })).toBe(true);
    expect(isFinal(errorReply(409, 'already_refunded', 'Already refunded.'))).toBe(true);
    expect(isFinal(errorReply(400, 'invalid_field', 'reason: too long'))).toBe(true);
    expect(isFinal(unavailable)).toBe(false);
    expect(isFinal(errorReply(500, 'internal_error', 'Try again later.'))).toBe(false);
    expect(isFinal({ status: 429, body: {} })).toBe(false);
    expect(isFinal({ status: 408, body: {} })).toBe(false);
    expect(isFinal(errorReply(409, 'request_in_progress', 'In progress.'))).toBe(false);
    // Refusals that a later retry may see differently (not registered yet, not REFUNDED yet).
    expect(isFinal(errorReply(404, 'not_found', 'No such top-up.'))).toBe(false);
    expect(isFinal(errorReply(422, 'not_refundable', 'Still PENDING.'))).toBe(false);
    expect(isFinal(errorReply(409, 'ambiguous_ref', 'Two orders.'))).toBe(false);
  });

  it('frees the key when the request throws, so the retry runs it again', async () => {
    const key = freshKey();
    await expect(
      run(key, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { calls, handle } = scripted(created);
    expect(await run(key, handle)).toEqual(created);
    expect(calls.n).toBe(1);
  });

  it('answers 409 request_in_progress while a recent claim has no answer yet', async () => {
    const key = freshKey();
    await t.db.insert(idempotencyKeys).values({ tokenId, key, requestHash: 'h1' });
    const { calls, handle } = scripted(created);
    expect(await run(key, handle)).toMatchObject({
      status: 409,
      body: { error: 'request_in_progress' },
    });
    expect(calls.n).toBe(0);
  });

  it('lets a retry re-claim a key whose first request crashed more than 2 minutes ago', async () => {
    const key = freshKey();
    const now = new Date();
    const crashedAt = new Date(now.getTime() - 3 * 60_000);
    await t.db
      .insert(idempotencyKeys)
      .values({ tokenId, key, requestHash: 'h1', createdAt: crashedAt });
    const { calls, handle } = scripted(created);
    expect(await run(key, handle, 'h1', now)).toEqual(created);
    expect(calls.n).toBe(1);
    expect(await storedRow(key)).toMatchObject({ responseStatus: 201 });
  });

  it('runs an expired claim exactly once when ten retries race for it', async () => {
    const key = freshKey();
    const crashedAt = new Date(Date.now() - 3 * 60_000);
    await t.db
      .insert(idempotencyKeys)
      .values({ tokenId, key, requestHash: 'h1', createdAt: crashedAt });
    const calls = { n: 0 };
    const slow = async () => {
      calls.n++;
      await new Promise((r) => setTimeout(r, 100));
      return created;
    };
    const replies = await Promise.all(Array.from({ length: 10 }, () => run(key, slow)));
    expect(calls.n).toBe(1);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of replies.filter((x) => x.status !== 201))
      expect(r).toMatchObject({ status: 409, body: { error: 'request_in_progress' } });
  });

  it('refuses the same key with a different request with 422, even once the claim expired', async () => {
    const key = freshKey();
    const crashedAt = new Date(Date.now() - 3 * 60_000);
    await t.db
      .insert(idempotencyKeys)
      .values({ tokenId, key, requestHash: 'h1', createdAt: crashedAt });
    const { calls, handle } = scripted(created);
    expect(await run(key, handle, 'h2')).toMatchObject({
      status: 422,
      body: { error: 'idempotency_key_reused' },
    });
    expect(calls.n).toBe(0);
  });
});
