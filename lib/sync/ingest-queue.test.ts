import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestQueue, topups } from '../../db/schema';
import { issueToken, startUpstream, upstreamTopup } from '../../test/api-support';
import { createTestDb, type TestDb } from '../../test/db';
import type { OneClickClient } from '../oneclick/client';
import { OneClickError } from '../oneclick/errors';
import type { Sandbox } from '../sandbox';
import { drainIngestQueue, GAVE_UP_AT, RETRY_BASE_MS, retryDelay } from './ingest-queue';

let t: TestDb;
let sandbox: Sandbox;
let client: OneClickClient;
let tokenId: string;

beforeAll(async () => {
  t = await createTestDb();
  ({ sandbox, client } = await startUpstream());
  tokenId = (await issueToken(t.db, 'queue shop')).id;
});
afterAll(async () => {
  await sandbox.close();
  await t.close();
});
beforeEach(async () => {
  sandbox.controls.clearFaults();
  await t.db.delete(ingestQueue);
});

async function enqueue(
  topupId: string,
  opts: { receivedAt?: Date; ref?: string; attempts?: number } = {},
) {
  const at = opts.receivedAt ?? new Date();
  await t.db.insert(ingestQueue).values({
    topupId,
    ref: opts.ref ?? null,
    customerPrice: '350.00',
    tokenId,
    receivedAt: at,
    nextAttemptAt: at,
    attempts: opts.attempts ?? 0,
  });
}
const queued = async (topupId: string) =>
  (await t.db.select().from(ingestQueue).where(eq(ingestQueue.topupId, topupId)))[0];

describe('draining registrations the upstream could not confirm', () => {
  it('moves a confirmed registration into topups with the shop’s price and drops it from the queue', async () => {
    const up = upstreamTopup(sandbox);
    await enqueue(up.id, { ref: up.ref });
    const report = await drainIngestQueue({ db: t.db, client, now: new Date(), workerId: 'w1' });
    expect(report).toEqual({ claimed: 1, registered: 1, retried: 0, gaveUp: 0, released: 0 });
    expect(await queued(up.id)).toBeUndefined();
    const [row] = await t.db.select().from(topups).where(eq(topups.topupId, up.id));
    expect(row).toMatchObject({ customerPrice: '350.00', ref: up.ref, source: 'ingest' });
  });

  it('backs off while the upstream is down, and leaves the rest of the batch untouched', async () => {
    const [a, b] = [upstreamTopup(sandbox), upstreamTopup(sandbox)];
    const received = new Date(Date.now() - 1_000);
    await enqueue(a.id, { receivedAt: received, attempts: 2 });
    await enqueue(b.id, { receivedAt: new Date(received.getTime() + 1) });
    sandbox.controls.setFaults({ rate: 1, kinds: ['503'] });
    const now = new Date();
    const report = await drainIngestQueue({ db: t.db, client, now, workerId: 'w1' });
    expect(report).toMatchObject({ claimed: 2, retried: 1, released: 1 });
    const first = await queued(a.id);
    expect(first?.attempts).toBe(3);
    expect(first?.lastError).toMatch(/^server/);
    // Third failure in a row: a random wait below 4 × 30 s, never under 5 s.
    const wait = (first?.nextAttemptAt.getTime() ?? 0) - now.getTime();
    expect(wait).toBeGreaterThanOrEqual(5_000);
    expect(wait).toBeLessThan(4 * RETRY_BASE_MS);
    expect((await queued(b.id))?.attempts).toBe(0);
    // Not due yet: a drain right away claims nothing.
    expect((await drainIngestQueue({ db: t.db, client, now, workerId: 'w1' })).claimed).toBe(0);
  });

  it('keeps retrying an id the upstream does not know yet, then gives up after a day and keeps the row', async () => {
    await enqueue('ffffffffffffffffffffffff');
    await drainIngestQueue({ db: t.db, client, now: new Date(), workerId: 'w1' });
    expect(await queued('ffffffffffffffffffffffff')).toMatchObject({
      attempts: 1,
      lastError: expect.stringMatching(/^not_found/),
    });
    const dayLater = new Date(Date.now() + 25 * 3_600_000);
    const report = await drainIngestQueue({ db: t.db, client, now: dayLater, workerId: 'w1' });
    expect(report.gaveUp).toBe(1);
    expect(await queued('ffffffffffffffffffffffff')).toMatchObject({
      attempts: 2,
      nextAttemptAt: GAVE_UP_AT,
      lastError: expect.stringMatching(/^gave up: not_found/),
    });
  });

  it('gives up on a registration whose ref the upstream contradicts, storing nothing', async () => {
    const up = upstreamTopup(sandbox);
    await enqueue(up.id, { ref: 'made-up-ref' });
    const report = await drainIngestQueue({ db: t.db, client, now: new Date(), workerId: 'w1' });
    expect(report.gaveUp).toBe(1);
    expect((await queued(up.id))?.lastError).toMatch(/^gave up: ref mismatch/);
    expect(await t.db.select().from(topups).where(eq(topups.topupId, up.id))).toEqual([]);
  });

  it('never lets two workers check the same registration', async () => {
    const ids = Array.from({ length: 12 }, () => upstreamTopup(sandbox).id);
    for (const id of ids) await enqueue(id);
    sandbox.controls.resetCalls();
    const now = new Date();
    const reports = await Promise.all(
      ['w1', 'w2', 'w3'].map((workerId) =>
        drainIngestQueue({ db: t.db, client, now, workerId, limit: 5 }),
      ),
    );
    const checks = sandbox.controls.calls().filter((c) => c.path.includes('/check-id/'));
    const perId = new Map<string, number>();
    for (const c of checks) perId.set(c.path, (perId.get(c.path) ?? 0) + 1);
    expect(checks).toHaveLength(ids.length);
    expect(Math.max(...perId.values())).toBe(1);
    expect(reports.reduce((n, r) => n + r.registered, 0)).toBe(ids.length);
  });

  it('waits up to 30 s doubling per attempt, at most an hour, or longer if the upstream says so', () => {
    const top = () => 0.999_999;
    expect(retryDelay(0, undefined, top)).toBe(29_999);
    expect(retryDelay(3, undefined, top)).toBe(239_999);
    expect(retryDelay(12, undefined, top)).toBe(3_599_996);
    expect(retryDelay(5, undefined, () => 0)).toBe(5_000);
    const slowDown = new OneClickError({
      kind: 'rate_limited',
      message: '429',
      retryAfterMs: 90_000,
    });
    expect(retryDelay(0, slowDown, top)).toBe(90_000);
  });
});
