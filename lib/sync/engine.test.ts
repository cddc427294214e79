import { and, asc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { topupEvents, topups } from '../../db/schema';
import { createTestDb, type TestDb } from '../../test/db';
import { type SyncHarness, startSyncHarness } from '../../test/sync-harness';
import { until } from '../../test/until';
import { topupSchema } from '../oneclick/schemas';
import type { TopupView } from '../sandbox';
import { createEngine } from './engine';
import { observe, observeUnchanged, storedRows } from './observe';

let t: TestDb;
let h: SyncHarness;
// A fresh database per test: every harness restarts the clock at START, so anything a test
// leaves behind (in-flight orders, the shared list-poll lease held into its future) would
// steer the next test's engine. A lease left by the 30 % fault test, whose length depends on
// its random faults, once kept the UNKNOWN_ERROR test from polling at all.
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await h?.close();
  await t.close();
});

/** What the shop's ingest call leaves in our database right after a send. */
async function register(view: TopupView) {
  const topup = topupSchema.parse(JSON.parse(JSON.stringify(view)));
  return observe(t.db, {
    topup,
    source: 'ingest',
    actor: { name: 'test' },
    now: new Date(h.clock.now()),
  });
}

const statusOf = async (topupId: string) =>
  (await t.db.select({ status: topups.status }).from(topups).where(eq(topups.topupId, topupId)))[0]
    ?.status;

const checkIdCalls = (topupId?: string) =>
  h.sandbox.controls
    .calls()
    .filter((c) => c.path.startsWith('/v3/mobile/check-id') && (!topupId || c.topupId === topupId));

async function run(engines: ReturnType<typeof createEngine>[], seconds: number, stepMs = 1000) {
  for (let s = 0; s < (seconds * 1000) / stepMs; s++) {
    h.clock.advance(stepMs);
    await Promise.all(engines.map((e) => e.tick()));
  }
}

describe('the sync engine on a real database and the emulator', () => {
  it('settles a burst of young orders with list calls, not one check per order', async () => {
    h = await startSyncHarness();
    const engine = createEngine({ db: t.db, client: h.client, now: h.clock.now, workerId: 'w1' });
    const views = Array.from({ length: 20 }, () => h.place());
    for (const v of views) await register(v);
    await run([engine], 40);
    for (const v of views) expect(await statusOf(v._id)).toBe('FULFILLED');
    const lists = h.sandbox.controls.calls().filter((c) => c.path === '/v3/mobile/list').length;
    expect(lists).toBeLessThanOrEqual(10);
    expect(checkIdCalls().length).toBe(0);
  });

  it('follows a stream deeper than one list page with list calls, and sees each final within 5 s', async () => {
    h = await startSyncHarness();
    const engine = createEngine({ db: t.db, client: h.client, now: h.clock.now, workerId: 'w1' });
    // Ten new orders a second for 30 s, each final 15 s after creation: 150 in flight at once,
    // more than one page of the list.
    for (let s = 0; s < 60; s++) {
      for (let i = 0; s < 30 && i < 10; i++) await register(h.place());
      h.clock.advance(1000);
      await engine.tick();
    }
    const rows = await t.db
      .select({
        status: topups.status,
        created: topups.upstreamCreatedAt,
        at: topups.statusChangedAt,
      })
      .from(topups);
    expect(rows).toHaveLength(300);
    for (const row of rows) {
      expect(row.status).toBe('FULFILLED');
      expect(row.at.getTime() - (row.created.getTime() + 15_000)).toBeLessThanOrEqual(5_000);
    }
    expect(checkIdCalls().length).toBeLessThanOrEqual(15);
    const lists = h.sandbox.controls.calls().filter((c) => c.path === '/v3/mobile/list').length;
    expect(lists).toBeLessThanOrEqual(40);
  });

  it('two workers on one database never check the same order in the same tick', async () => {
    h = await startSyncHarness();
    const a = createEngine({ db: t.db, client: h.client, now: h.clock.now, workerId: 'a' });
    const b = createEngine({ db: t.db, client: h.client, now: h.clock.now, workerId: 'b' });
    // Older than the list window: these are followed by per-order checks.
    const views = Array.from({ length: 30 }, (_, i) =>
      h.place({
        createdAt: h.clock.now() - 200_000,
        timeline: [
          { status: 'PENDING', atMs: 0 },
          { status: 'FULFILLED', atMs: 230_000 + i * 1000 },
        ],
      }),
    );
    for (const v of views) await register(v);
    await t.pool.query('update topups set next_check_at = $1 where topup_id = any($2)', [
      new Date(h.clock.now()),
      views.map((v) => v._id),
    ]);
    await run([a, b], 90);
    const perOrderPerTick = new Map<string, number>();
    for (const call of checkIdCalls()) {
      const key = `${call.topupId}@${call.at}`;
      perOrderPerTick.set(key, (perOrderPerTick.get(key) ?? 0) + 1);
    }
    expect(perOrderPerTick.size).toBeGreaterThan(30);
    expect(Math.max(...perOrderPerTick.values())).toBe(1);
    for (const v of views) expect(await statusOf(v._id)).toBe('FULFILLED');
  });

  it('a worker that dies holding claims loses nothing: another picks them up when the lease runs out', async () => {
    h = await startSyncHarness();
    const views = Array.from({ length: 5 }, () =>
      h.place({
        createdAt: h.clock.now() - 200_000,
        timeline: [
          { status: 'PENDING', atMs: 0 },
          { status: 'FULFILLED', atMs: 201_000 },
        ],
      }),
    );
    for (const v of views) await register(v);
    await t.pool.query('update topups set next_check_at = $1 where topup_id = any($2)', [
      new Date(h.clock.now()),
      views.map((v) => v._id),
    ]);
    // The dying worker: its check-id calls never come back, as if the process was killed.
    const hung = h.makeClient();
    const hungFetch = createEngine({
      db: t.db,
      client: { ...hung, checkId: () => new Promise(() => {}) } as typeof hung,
      now: h.clock.now,
      workerId: 'doomed',
    });
    void hungFetch.tick();
    // Its claims are written before the calls that never return.
    await until('the dying worker to claim all five', async () => {
      const { rows } = await t.pool.query(
        `select count(*)::int as n from topups where claimed_by = 'doomed'`,
      );
      return rows[0].n === 5;
    });
    const survivor = createEngine({
      db: t.db,
      client: h.client,
      now: h.clock.now,
      workerId: 'survivor',
    });
    await run([survivor], 10);
    expect(checkIdCalls().length).toBe(0); // still leased to the dead worker
    await run([survivor], 30);
    for (const v of views) expect(await statusOf(v._id)).toBe('FULFILLED');
  });

  it('a 30 % upstream fault rate delays statuses but never corrupts one', async () => {
    h = await startSyncHarness({
      faults: { rate: 0.3, kinds: ['500', '503', '429', 'html', 'truncated'], retryAfterS: 2 },
    });
    const engine = createEngine({
      db: t.db,
      client: h.client,
      now: h.clock.now,
      workerId: 'w',
      random: () => 0.5,
    });
    const views = [
      ...Array.from({ length: 25 }, () => h.place()),
      h.place({ msisdn: '0600000001', planCode: 'PREPAID_MOBILIS' }),
      h.place({ msisdn: '0600000002', planCode: 'PREPAID_MOBILIS' }),
    ];
    h.sandbox.controls.setFaults(undefined);
    for (const v of views) await register(v);
    h.sandbox.controls.setFaults({
      rate: 0.3,
      kinds: ['500', '503', '429', 'html', 'truncated'],
      retryAfterS: 2,
    });
    await run([engine], 600, 2000);
    for (const v of views)
      expect(await statusOf(v._id)).toBe(h.sandbox.controls.get(v._id)?.status);
    const backwards = await t.db
      .select({ id: topupEvents.id })
      .from(topupEvents)
      .where(
        sql`${topupEvents.kind} = 'anomaly' or (${topupEvents.fromStatus} in ('FULFILLED','REFUNDED') and ${topupEvents.kind} = 'status_changed')`,
      );
    expect(backwards).toEqual([]);
  });

  it('a garbled answer leaves the stored status alone and records an error event', async () => {
    h = await startSyncHarness();
    const engine = createEngine({ db: t.db, client: h.client, now: h.clock.now, workerId: 'w' });
    const view = h.place({
      createdAt: h.clock.now() - 200_000,
      timeline: [
        { status: 'PENDING', atMs: 0 },
        { status: 'HANDLING', atMs: 250_000 },
      ],
    });
    const { topupPk } = await register(view);
    await t.pool.query('update topups set next_check_at = $1 where id = $2', [
      new Date(h.clock.now()),
      topupPk,
    ]);
    h.sandbox.controls.queueFault('html', { path: '/mobile/check-id' });
    h.clock.advance(1000);
    await engine.tick();
    const [row] = await t.db
      .select({ status: topups.status, lastError: topups.lastError, next: topups.nextCheckAt })
      .from(topups)
      .where(eq(topups.id, topupPk));
    expect(row?.status).toBe('PENDING');
    expect(row?.lastError).toMatch(/malformed/);
    expect(row?.next?.getTime()).toBeGreaterThan(h.clock.now());
    const events = await t.db
      .select({ kind: topupEvents.kind })
      .from(topupEvents)
      .where(eq(topupEvents.topupPk, topupPk))
      .orderBy(asc(topupEvents.id));
    expect(events.map((e) => e.kind)).toEqual(['created', 'check_error']);
  });

  it('rechecks UNKNOWN_ERROR on its hourly ladder and settles it when the upstream resolves', async () => {
    h = await startSyncHarness({
      unknownErrorResolution: { afterMs: 90 * 60_000, outcome: 'REFUNDED' },
    });
    const engine = createEngine({ db: t.db, client: h.client, now: h.clock.now, workerId: 'w' });
    const view = h.place({ msisdn: '0600000003', planCode: 'PREPAID_MOBILIS' });
    await register(view);
    await run([engine], 30);
    expect(await statusOf(view._id)).toBe('UNKNOWN_ERROR');
    h.sandbox.controls.resetCalls();
    await run([engine], 3 * 3600, 60_000);
    expect(await statusOf(view._id)).toBe('REFUNDED');
    // Checked at ~1 h (still unknown) and ~2 h (refunded): two calls, not one a minute.
    expect(checkIdCalls(view._id).length).toBe(2);
  });
});

describe('observations the rules refuse or flag', () => {
  it('never applies a regression, and records it once however often it is seen', async () => {
    h = await startSyncHarness();
    const view = h.place({ timeline: [{ status: 'FULFILLED', atMs: 0 }] });
    const { topupPk } = await register(view);
    const stale = topupSchema.parse({ ...JSON.parse(JSON.stringify(view)), status: 'PENDING' });
    for (let i = 0; i < 3; i++)
      await observe(t.db, {
        topup: stale,
        source: 'list-sync',
        actor: { name: 'test' },
        now: new Date(),
      });
    expect(await statusOf(view._id)).toBe('FULFILLED');
    const anomalies = await t.db
      .select({ id: topupEvents.id })
      .from(topupEvents)
      .where(and(eq(topupEvents.topupPk, topupPk), eq(topupEvents.kind, 'anomaly')));
    expect(anomalies).toHaveLength(1);
  });

  it('an order a list page showed unchanged waits for the next poll, with no event; one moved meanwhile is left alone', async () => {
    h = await startSyncHarness();
    const [a, b] = [h.place(), h.place()];
    if (!a || !b) throw new Error('no orders');
    await register(a);
    await register(b);
    const seen = await storedRows(t.db, [a._id, b._id]);
    // Between our read and our write, a check-id moved order b to HANDLING.
    h.clock.advance(6_000);
    const handling = topupSchema.parse({ ...JSON.parse(JSON.stringify(b)), status: 'HANDLING' });
    await observe(t.db, {
      topup: handling,
      source: 'poll',
      actor: { name: 'test' },
      now: new Date(h.clock.now()),
    });
    const now = new Date(h.clock.now());
    await observeUnchanged(t.db, { rows: [...seen.values()], now, listCoverMs: 9_000 });
    const rows = await t.db
      .select({
        id: topups.topupId,
        status: topups.status,
        next: topups.nextCheckAt,
        count: topups.checkCount,
      })
      .from(topups);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a._id)).toMatchObject({
      status: 'PENDING',
      count: 2,
      next: new Date(now.getTime() + 9_000),
    });
    expect(byId.get(b._id)?.status).toBe('HANDLING');
    expect(byId.get(b._id)?.count).toBe(2);
    const events = await t.db.select({ kind: topupEvents.kind }).from(topupEvents);
    expect(events.map((e) => e.kind).sort()).toEqual(['created', 'created', 'status_changed']);
  });

  it('keeps what OneClick charged us when its REFUNDED answer shows balance_amount 0', async () => {
    h = await startSyncHarness();
    const view = h.place({ timeline: [{ status: 'PENDING', atMs: 0 }] });
    const { topupPk } = await register(view);
    const refunded = topupSchema.parse({
      ...JSON.parse(JSON.stringify(view)),
      status: 'REFUNDED',
      balance_amount: 0,
    });
    await observe(t.db, {
      topup: refunded,
      source: 'poll',
      actor: { name: 'test' },
      now: new Date(),
    });
    const [row] = await t.db
      .select({ status: topups.status, balance: topups.balanceAmount })
      .from(topups)
      .where(eq(topups.id, topupPk));
    expect(row).toEqual({ status: 'REFUNDED', balance: '496.25' });
  });

  it('applies FULFILLED → REFUNDED but flags the order for finance', async () => {
    h = await startSyncHarness();
    const view = h.place({ timeline: [{ status: 'FULFILLED', atMs: 0 }] });
    const { topupPk } = await register(view);
    const refunded = topupSchema.parse({ ...JSON.parse(JSON.stringify(view)), status: 'REFUNDED' });
    await observe(t.db, {
      topup: refunded,
      source: 'poll',
      actor: { name: 'test' },
      now: new Date(),
    });
    const [row] = await t.db
      .select({ status: topups.status, needsReview: topups.needsReview })
      .from(topups)
      .where(eq(topups.id, topupPk));
    expect(row).toEqual({ status: 'REFUNDED', needsReview: true });
  });
});
