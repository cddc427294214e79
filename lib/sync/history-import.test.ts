import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { startSyncHarness } from '../../test/sync-harness';
import type { Topup } from '../oneclick/schemas';
import { createEngine } from './engine';
import { type BackfillState, backfillStep } from './list-sync';
import { observe, observeFirstSeen } from './observe';

// A new desk on the sandbox (`npm start`): the emulator holds a generated history and the desk
// imports it through its real list backfill, over HTTP, into Postgres.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const rows = async (sql: string, params: unknown[] = []) => (await t.pool.query(sql, params)).rows;

describe('importing the sandbox history', () => {
  it('brings every order in with its status, one created event each, linked orders tied, page by page', async () => {
    const h = await startSyncHarness({ history: { days: 2, ordersPerDay: 250, seed: 11 } });
    // OneClick refunds one and retries it, in the same stretch of history.
    h.place({ msisdn: '0600000004', createdAt: h.clock.now() - 3_600_000 });
    const workerId = 'importer';
    const engine = createEngine({ db: t.db, client: h.client, now: h.clock.now, workerId });
    const deps = { db: t.db, client: h.client, engine, now: h.clock.now, workerId };
    const steps: BackfillState[] = [];
    for (let state = await backfillStep(deps); state; state = await backfillStep(deps)) {
      steps.push(state);
      if (state.status === 'done') break;
    }

    const total = (h.sandbox.history?.orders ?? 0) + 2;
    expect(steps.map((s) => s.imported)).toEqual(
      steps.map((_, i) => Math.min((i + 1) * 100, total)),
    );
    expect(steps.at(-1)).toMatchObject({ status: 'done', imported: total, totalResults: total });

    const upstream = new Map<string, Topup>();
    for (let page = 1; page <= (steps.at(-1)?.totalPages ?? 0); page++)
      for (const item of (await h.client.list({ page, pageSize: 100 })).data.items)
        upstream.set(item._id, item);
    const held = await rows('select topup_id, status, upstream_created_at from topups');
    expect(held).toHaveLength(total);
    const mismatched = held.filter(
      (r) =>
        upstream.get(r.topup_id)?.status !== r.status ||
        Date.parse(upstream.get(r.topup_id)?.created_at ?? '') !== r.upstream_created_at.getTime(),
    );
    expect(mismatched).toEqual([]);
    const events = await rows(
      `select kind, count(*)::int as n, count(distinct topup_pk)::int as orders
       from topup_events group by kind`,
    );
    expect(events).toEqual([{ kind: 'created', n: total, orders: total }]);

    const [chain] = await rows(
      `select o.chain_state, r.parent_pk = o.id as tied, r.link_kind
       from topups o join topups r on r.topup_id = o.retry_order_id where o.msisdn = '0600000004'`,
    );
    expect(chain).toEqual({ chain_state: 'served', tied: true, link_kind: 'retry' });
    await h.close();
  });

  it('an order another writer stored meanwhile is left to observe, not written twice', async () => {
    const h = await startSyncHarness();
    const placed = [
      h.place({ timeline: [{ status: 'HANDLING', atMs: 0 }] }),
      h.place({ timeline: [{ status: 'FULFILLED', atMs: 0 }] }),
    ];
    const [a, b] = await Promise.all(placed.map(async (p) => (await h.client.checkId(p._id)).data));
    if (!a || !b) throw new Error('the sandbox lost an order');
    const actor = { name: 'test' };
    const now = new Date(h.clock.now());
    // The shop registered A (ingest) after the page's "do we hold these?" read.
    await observe(t.db, { topup: a, source: 'ingest', actor, now });
    const page = [{ ...a, status: 'FULFILLED' as const }, b];
    const result = await observeFirstSeen(t.db, page, { source: 'list-sync', actor, now });
    expect(result.created).toBe(1);
    expect(result.taken.map((x) => x._id)).toEqual([a._id]);
    const [held] = await rows('select status, source from topups where topup_id = $1', [a._id]);
    expect(held).toEqual({ status: 'HANDLING', source: 'ingest' });
    await h.close();
  });
});
