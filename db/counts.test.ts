import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function counts() {
  const { rows } = await t.pool.query<{ bucket: string; n: string }>(
    'select bucket, n from topup_counts where n <> 0 order by bucket',
  );
  return Object.fromEntries(rows.map((r) => [r.bucket, Number(r.n)]));
}
async function actual() {
  const { rows } = await t.pool.query<{ bucket: string; n: string }>(`
    select status::text as bucket, count(*) as n from topups group by 1
    union all
    select 'refund_due', count(*) from topups
    where status = 'REFUNDED' and refunded_at is null and parent_pk is null
      and (chain_state is null or chain_state = 'refunded')
    having count(*) > 0
    order by bucket`);
  return Object.fromEntries(rows.map((r) => [r.bucket, Number(r.n)]));
}

describe('status tab counts', () => {
  it('stay exact through bulk inserts, status changes and refunds', async () => {
    await t.pool.query(`
      insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, upstream_created_at, source)
      select 'c' || g, (array['PENDING','HANDLING','FULFILLED','REFUNDED','UNKNOWN_ERROR'])[1 + g % 5]::topup_status,
             'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest'
      from generate_series(1, 1000) g`);
    expect(await counts()).toEqual(await actual());
    expect((await counts()).refund_due).toBe(200);

    await t.pool.query(
      `update topups set status = 'FULFILLED' where status = 'PENDING' and topup_id like 'c1%'`,
    );
    await t.pool.query(
      `update topups set refunded_at = now() where status = 'REFUNDED' and topup_id like 'c2%'`,
    );
    await t.pool.query(`update topups set check_count = check_count + 1`); // changes no bucket
    await t.pool.query(
      `update topups set status = 'REFUNDED' where status = 'UNKNOWN_ERROR' and topup_id like 'c3%'`,
    );
    expect(await counts()).toEqual(await actual());
  });

  it('count an original as refund due only once its retries all ended REFUNDED', async () => {
    const due = async () => (await counts()).refund_due ?? 0;
    const { rows } = await t.pool.query<{ id: string }>(`
      insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, upstream_created_at, source)
      values ('chain-root', 'REFUNDED', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest')
      returning id`);
    const root = rows[0]?.id;
    const before = await due();
    await t.pool.query(`update topups set chain_state = 'open' where id = $1`, [root]);
    expect(await due()).toBe(before - 1);
    await t.pool.query(`
      insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, upstream_created_at, source, parent_pk, link_kind)
      values ('chain-retry', 'REFUNDED', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'poll', ${root}, 'retry')`);
    expect(await due()).toBe(before - 1); // a retry is refunded on its original, never itself
    await t.pool.query(`update topups set chain_state = 'refunded' where id = $1`, [root]);
    expect(await due()).toBe(before);
    expect(await counts()).toEqual(await actual());
  });
});
