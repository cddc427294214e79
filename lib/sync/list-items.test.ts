import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQuarantine } from '../../db/queries/sync-attention';
import { topupEvents, topups, upstreamQuarantine } from '../../db/schema';
import { createTestDb, type TestDb } from '../../test/db';
import { type SyncHarness, startSyncHarness } from '../../test/sync-harness';
import { createEngine } from './engine';
import { type BackfillState, backfillStep } from './list-sync';
import { observe } from './observe';
import { retryQuarantined } from './quarantine-actions';

// OneClick's list is read item by item: one record that does not fit the contract is set
// aside for a person, and the rest of the page is applied, so the sync never wedges on it.

let t: TestDb;
let h: SyncHarness;
beforeAll(async () => {
  t = await createTestDb();
  h = await startSyncHarness();
});
afterAll(async () => {
  await h.close();
  await t.close();
});

const deps = () => {
  const engine = createEngine({ db: t.db, client: h.client, now: h.clock.now, workerId: 'w' });
  return { db: t.db, client: h.client, engine, now: h.clock.now, workerId: 'w' };
};
const held = async () =>
  (await t.pool.query('select count(*)::int as n from topups')).rows[0].n as number;

describe('a list page with one garbled item', () => {
  it('applies the other 99, quarantines the one, completes the backfill, and shows it on Sync health', async () => {
    const day = 24 * 3600_000;
    const views = Array.from({ length: 100 }, (_, i) =>
      h.place({
        createdAt: h.clock.now() - ((i + 1) * day) / 10,
        timeline: [{ status: 'FULFILLED', atMs: 0 }],
      }),
    );
    const odd = views[42];
    if (!odd) throw new Error('no order 42');
    h.sandbox.controls.garble(odd._id, 'unknown-status');

    let state: BackfillState | null = null;
    for (let i = 0; i < 5 && state?.status !== 'done'; i++) state = await backfillStep(deps());
    expect(state).toMatchObject({ status: 'done', imported: 99, quarantined: 1 });
    expect(await held()).toBe(99);

    const { rows, total } = await openQuarantine(t.db);
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ topupId: odd._id, source: 'backfill', seenCount: 1 });
    expect(rows[0]?.error).toContain('PROCESSING');
    expect(rows[0]?.raw).toMatchObject({ status: 'PROCESSING' });
  });

  it('counts the item again when it is seen again, without a second row', async () => {
    const before = (await openQuarantine(t.db)).rows[0];
    const { engine } = deps();
    const res = await h.client.list({ pageSize: 100 });
    await engine.observePage(res.data, res.requestId, null, 'incremental');
    const after = await openQuarantine(t.db);
    expect(after.total).toBe(1);
    expect(after.rows[0]?.seenCount).toBe((before?.seenCount ?? 0) + 1);
  });

  it('is applied by a person’s retry once OneClick answers it readably', async () => {
    const [item] = (await openQuarantine(t.db)).rows;
    if (!item?.topupId) throw new Error('no quarantined item');
    h.sandbox.controls.garble(item.topupId, 'unknown-status');
    const stillBad = await retryQuarantined(
      { db: t.db, client: h.client, now: () => new Date(h.clock.now()) },
      item.id,
      { name: 'admin@desk.dz' },
    );
    expect(stillBad).toMatchObject({
      kind: 'still_bad',
      error: expect.stringContaining('PROCESSING'),
    });
    h.sandbox.controls.garble(item.topupId, null);
    const applied = await retryQuarantined(
      { db: t.db, client: h.client, now: () => new Date(h.clock.now()) },
      item.id,
      { name: 'admin@desk.dz' },
    );
    expect(applied.kind).toBe('applied');
    const [row] = await t.db
      .select({ status: topups.status })
      .from(topups)
      .where(eq(topups.topupId, item.topupId));
    expect(row?.status).toBe('FULFILLED');
  });

  it('closes an open item by itself when a later read parses it', async () => {
    const view = h.place({ timeline: [{ status: 'FULFILLED', atMs: 0 }] });
    h.sandbox.controls.garble(view._id, 'missing-id');
    const { engine } = deps();
    const first = await h.client.list({ pageSize: 100 });
    expect(first.data.rejected.some((r) => r.topupId === null)).toBe(true);
    await engine.observePage(first.data, first.requestId, null, 'incremental');
    h.sandbox.controls.garble(view._id, 'unknown-status');
    const second = await h.client.list({ pageSize: 100 });
    await engine.observePage(second.data, second.requestId, null, 'incremental');
    h.sandbox.controls.garble(view._id, null);
    const third = await h.client.list({ pageSize: 100 });
    await engine.observePage(third.data, third.requestId, null, 'incremental');
    const [row] = await t.db
      .select({ state: upstreamQuarantine.state, resolution: upstreamQuarantine.resolution })
      .from(upstreamQuarantine)
      .where(eq(upstreamQuarantine.topupId, view._id));
    expect(row).toEqual({ state: 'resolved', resolution: 'parsed on a later read' });
  });
});

describe('what a list item may look like, per the docs', () => {
  it('keeps a retry that reused its original’s ref as an order of its own', async () => {
    const original = h.place({
      ref: `shared-${h.clock.now()}`,
      link: { kind: 'retry', final: 'FULFILLED', reuseRef: true },
    });
    h.clock.advance(40_000);
    const { engine } = deps();
    const res = await h.client.list({ pageSize: 100 });
    expect(res.data.rejected).toEqual([]);
    await engine.observePage(res.data, res.requestId, null, 'incremental');
    const rows = await t.db
      .select({ topupId: topups.topupId, parentPk: topups.parentPk })
      .from(topups)
      .where(eq(topups.ref, original.ref));
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.parentPk !== null)).toHaveLength(1);
  });

  it('records a change to an order already final (a late refund message), with the new value', async () => {
    const view = h.place({ msisdn: '0600000001', planCode: 'PREPAID_MOBILIS', amount: 300 });
    h.clock.advance(20_000);
    const topup = JSON.parse(JSON.stringify(h.sandbox.controls.get(view._id)));
    const now = new Date(h.clock.now());
    const { topupPk } = await observe(t.db, {
      topup: { ...topup, topup_amount: '300', balance_amount: '297', refund_message: undefined },
      source: 'ingest',
      actor: { name: 'shop' },
      now,
    });
    const { engine } = deps();
    const res = await h.client.list({ pageSize: 100 });
    await engine.observePage(res.data, res.requestId, null, 'incremental');
    const [row] = await t.db
      .select({ refundMessage: topups.refundMessage })
      .from(topups)
      .where(eq(topups.id, topupPk));
    expect(row?.refundMessage).toBeTruthy();
    const events = await t.db
      .select({ kind: topupEvents.kind, message: topupEvents.message })
      .from(topupEvents)
      .where(eq(topupEvents.topupPk, topupPk));
    expect(events.at(-1)).toMatchObject({
      kind: 'details_changed',
      message: expect.stringContaining('refundMessage'),
    });
  });
});
