import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import * as live from '../../test/reports-live';
import type { Granularity } from './charts';
import * as rollup from './charts';
import { rebuildRollups, refreshRollups } from './rollup';

// The rollups follow the changes: whatever was written (a burst of status changes, new and
// deleted orders, orders moved to another hour, refunds approved or changed) and however many
// workers refresh at once, after catching up every figure equals the live computation from the
// raw rows, the change log is empty and no empty group is left behind.

let t: TestDb;
const T0 = '2026-11-19T23:00:00Z';
const RANGE = { from: new Date('2026-11-17T23:00:00Z'), to: new Date('2026-11-25T23:00:00Z') };
const rnd = (stream: number) =>
  `((hashint8extended(g, ${stream}) & 9007199254740991)::float8 / 9007199254740992)`;

/** `n` orders over three days from `first`, every status, some through UNKNOWN_ERROR. */
async function addOrders(first: number, n: number) {
  await t.pool.query(`
    insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, balance_amount,
      upstream_created_at, source, finalized_at, unknown_error_at)
    select 'rt' || g, status::topup_status, (array['PREPAID_DJEZZY','PREPAID_MOBILIS','PREPAID_OOREDOO'])[pi],
      (array['Djezzy','Mobilis','Ooredoo'])[pi], '0778037340', amount, round(amount * 0.97, 2), created, 'ingest',
      case when status in ('FULFILLED', 'REFUNDED') then created + ${rnd(5)} * interval '2 hours' end,
      case when status = 'UNKNOWN_ERROR' or ${rnd(4)} < 0.2 then created + interval '15.0004 seconds' end
    from (
      select g, 1 + floor(${rnd(2)} * 3)::int as pi, round((50 + ${rnd(6)} * 950)::numeric, 2) as amount,
        timestamptz '${T0}' + ${rnd(1)} * interval '3 days' as created,
        (array['PENDING','HANDLING','FULFILLED','FULFILLED','FULFILLED','REFUNDED','UNKNOWN_ERROR'])[1 + floor(${rnd(3)} * 7)::int] as status
      from generate_series(${first}, ${first + n - 1}) g) o`);
}

/** Runs refreshes until nothing is left; returns how many changes they added. */
async function catchUp(budget = 100) {
  let added = 0;
  for (;;) {
    const r = await refreshRollups(t.db, budget);
    if (r.topupChanges + r.refundChanges === 0) return added;
    added += r.topupChanges + r.refundChanges;
  }
}

async function scalar(query: string): Promise<number> {
  return Number((await t.pool.query(query)).rows[0].n);
}
const logged = () =>
  scalar(
    'select (select count(*) from topup_changes) + (select count(*) from refund_changes) as n',
  );
/** Change-log rows ever written (identities never reuse a number; nothing here rolls back). */
const everLogged = () =>
  scalar(`select coalesce(pg_sequence_last_value('topup_changes_id_seq'), 0)
    + coalesce(pg_sequence_last_value('refund_changes_id_seq'), 0) as n`);

async function expectEqualsLive() {
  expect(await logged()).toBe(0);
  for (const granularity of ['hour', 'day'] as Granularity[]) {
    const r = { ...RANGE, granularity };
    expect(await rollup.rateSeries(t.db, r)).toStrictEqual(await live.rateSeries(t.db, r));
    expect(await rollup.ttfSeries(t.db, r)).toStrictEqual(await live.ttfSeries(t.db, r));
    expect(await rollup.unknownSeries(t.db, r)).toStrictEqual(await live.unknownSeries(t.db, r));
    expect(await rollup.refundSeries(t.db, r)).toStrictEqual(await live.refundSeries(t.db, r));
  }
  const r = { ...RANGE, granularity: 'day' as const };
  for (const dim of ['operator', 'plan'] as const)
    expect(await rollup.splitBy(t.db, r, dim)).toStrictEqual(await live.splitBy(t.db, r, dim));
  expect(await rollup.heatmap(t.db, r)).toStrictEqual(await live.heatmap(t.db, r));
  const empty = await scalar(`select (select count(*) from topup_hourly where orders = 0)
    + (select count(*) from ttf_hourly where orders = 0) + (select count(*) from refund_hourly where refunds = 0) as n`);
  expect(empty).toBe(0);
}

beforeAll(async () => {
  t = await createTestDb();
  await addOrders(1, 400);
  await t.pool.query(`
    insert into refunds (topup_pk, amount, created_via, state, created_at)
    select id, topup_amount, 'test', (array['approved','awaiting_approval','rejected'])[1 + id % 3]::refund_state,
      finalized_at + (id % 5) * interval '50 minutes'
    from topups where status = 'REFUNDED'`);
  await catchUp();
});
afterAll(() => t.close());

describe('rollups kept from the change log', () => {
  it('start equal to the live figures once the first orders are added', expectEqualsLive);

  it('a burst of status changes in one transaction is added from the log: two entries per order', async () => {
    const changed = await scalar(`with c as (
        update topups set status = 'REFUNDED', finalized_at = finalized_at + interval '90 minutes'
        where status = 'FULFILLED' and id % 3 = 0 returning 1) select count(*) as n from c`);
    expect(changed).toBeGreaterThan(30);
    expect(await logged()).toBe(2 * changed);
    expect(await catchUp()).toBe(2 * changed);
    await expectEqualsLive();
  });

  it('updates that change nothing the reports count log nothing', async () => {
    await t.pool.query(
      `update topups set last_checked_at = now(), check_count = check_count + 1, status = status`,
    );
    await t.pool.query(`update refunds set note = 'seen'`);
    expect(await logged()).toBe(0);
  });

  it('UNKNOWN_ERROR orders settling late correct their creation hour, in whole milliseconds', async () => {
    await t.pool.query(`
      update topups set status = case when id % 2 = 0 then 'FULFILLED' else 'REFUNDED' end::topup_status,
        finalized_at = unknown_error_at + interval '26 hours 0.0006 seconds'
      where status = 'UNKNOWN_ERROR'`);
    await catchUp(7);
    await expectEqualsLive();
  });

  it('new orders, inserted in bulk, count in their hours', async () => {
    await addOrders(1001, 150);
    expect(await logged()).toBe(150);
    await catchUp();
    await expectEqualsLive();
  });

  it('orders moved to another hour, operator or plan leave their old group and join the new one', async () => {
    await t.pool.query(`
      update topups set upstream_created_at = upstream_created_at - interval '2 days' where id % 17 = 0;
      update topups set operator = 'Djezzy', plan_code = 'PREPAID_DJEZZY' where id % 19 = 0;
      update topups set topup_amount = topup_amount + 1, balance_amount = null where id % 23 = 0`);
    await catchUp();
    await expectEqualsLive();
  });

  it('deleted orders leave no empty group behind', async () => {
    const before = await scalar('select count(*) as n from topup_hourly');
    // Every order of one day that has no customer refund, so whole groups empty.
    await t.pool.query(`
      delete from topups t where upstream_created_at >= '2026-11-20T23:00:00Z' and upstream_created_at < '2026-11-21T23:00:00Z'
        and not exists (select 1 from refunds r where r.topup_pk = t.id)`);
    await catchUp();
    expect(await scalar('select count(*) as n from topup_hourly')).toBeLessThan(before);
    await expectEqualsLive();
  });

  it('customer refunds approved, rejected, changed in amount, moved or deleted', async () => {
    await t.db.transaction(async (tx) => {
      const run = (q: string) => tx.execute(q as never);
      await run(`update refunds set state = 'approved' where state = 'awaiting_approval'`);
      await run(
        `update refunds set state = 'rejected' where state = 'approved' and topup_pk % 4 = 0`,
      );
      await run(`update refunds set amount = amount / 2 where topup_pk % 3 = 0`);
      await run(
        `update refunds set created_at = created_at + interval '1 day' where topup_pk % 5 = 0`,
      );
      await run(`delete from refunds where topup_pk % 7 = 0`);
    });
    await catchUp(5);
    await expectEqualsLive();
  });

  it('an hour whose only final time is before its creation keeps an empty histogram, as live does', async () => {
    await t.pool.query(`
      insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, balance_amount,
        upstream_created_at, source, finalized_at)
      values ('skew', 'FULFILLED', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 100, 97,
        '2026-11-24T12:30:00Z', 'ingest', '2026-11-24T12:29:55Z')`);
    await catchUp();
    const hour = { from: new Date('2026-11-24T12:00:00Z'), to: new Date('2026-11-24T13:00:00Z') };
    expect(await rollup.ttfSeries(t.db, { ...hour, granularity: 'hour' })).toEqual([
      { key: '2026-11-24T12:00:00Z', settled: 0, p50Ms: null, p95Ms: null },
    ]);
    await expectEqualsLive();
    await t.pool.query(`delete from topups where topup_id = 'skew'`);
    await catchUp();
    expect(await rollup.ttfSeries(t.db, { ...hour, granularity: 'hour' })).toEqual([]);
    await expectEqualsLive();
  });

  it('workers refreshing at once while orders keep changing add every change exactly once', async () => {
    const start = await everLogged();
    let writing = true;
    const writers = Array.from({ length: 3 }, async (_, w) => {
      for (let i = 0; i < 8; i++)
        await t.pool.query(`
          update topups set status = case status when 'PENDING' then 'HANDLING' when 'HANDLING' then 'FULFILLED'
              when 'FULFILLED' then 'REFUNDED' when 'REFUNDED' then 'UNKNOWN_ERROR' else 'PENDING' end::topup_status,
            finalized_at = case when status in ('HANDLING', 'FULFILLED') then upstream_created_at + interval '${i + 1} minutes' end,
            unknown_error_at = coalesce(unknown_error_at, case when status = 'REFUNDED' then now() end)
          where id % 24 = ${w * 8 + i}`);
    });
    let added = 0;
    // A worker stops when it finds nothing left after the writers were done.
    const workers = Array.from({ length: 4 }, async () => {
      for (;;) {
        const done = !writing;
        const r = await refreshRollups(t.db, 13);
        added += r.topupChanges + r.refundChanges;
        if (done && r.topupChanges + r.refundChanges === 0) return;
      }
    });
    await Promise.all(writers);
    writing = false;
    await Promise.all(workers);
    expect(added).toBe((await everLogged()) - start);
    expect(added).toBeGreaterThan(200);
    await expectEqualsLive();
  });

  it('a rebuild while orders change and workers refresh waits its turn and ends equal to live', async () => {
    let writing = true;
    const writers = Array.from({ length: 2 }, async (_, w) => {
      for (let i = 0; i < 10; i++)
        await t.pool.query(`
          update topups set status = case when status = 'REFUNDED' then 'FULFILLED' else 'REFUNDED' end::topup_status
          where status in ('FULFILLED', 'REFUNDED') and id % 20 = ${w * 10 + i}`);
    });
    const workers = Array.from({ length: 2 }, async () => {
      while (writing) await refreshRollups(t.db, 11);
    });
    await rebuildRollups(t.db);
    await Promise.all(writers);
    writing = false;
    await Promise.all(workers);
    await catchUp();
    await expectEqualsLive();
  });

  it('a rebuild from scratch gives the very rows the changes added up to, pending ones included', async () => {
    const rows = async () =>
      (
        await t.pool.query(`select
          (select json_agg(h order by hour, operator, plan_code) from topup_hourly h) as topups,
          (select json_agg(h order by hour) from ttf_hourly h) as ttf,
          (select json_agg(h order by hour) from refund_hourly h) as refunds`)
      ).rows[0];
    await t.pool.query(
      `update topups set status = 'REFUNDED' where status = 'FULFILLED' and id % 2 = 0`,
    );
    await catchUp();
    const added = await rows();
    await rebuildRollups(t.db);
    expect(await rows()).toStrictEqual(added);
    // Changes not yet added are in the rows it reads: the rebuild drops them from the log.
    await t.pool.query(
      `update topups set status = 'FULFILLED' where status = 'REFUNDED' and id % 2 = 0`,
    );
    expect(await logged()).toBeGreaterThan(0);
    await rebuildRollups(t.db);
    await expectEqualsLive();
  });
});
