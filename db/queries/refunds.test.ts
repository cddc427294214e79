import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import {
  listAwaitingApproval,
  listRecentRefunds,
  listRefundsDue,
  refundsDueTotals,
} from './refunds';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.pool.query(`
    insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, customer_price, upstream_created_at, source, refunded_at)
    select 'r' || g, (case when g <= 4 then 'REFUNDED' else 'FULFILLED' end)::topup_status, 'PREPAID_DJEZZY', 'Djezzy', '077000000' || g,
           100 * g, case when g = 2 then 250 end, timestamptz '2026-11-20 10:00+01' + g * interval '1 hour', 'ingest',
           case when g = 4 then now() end
    from generate_series(1, 6) g`);
  const { rows } = await t.pool.query(
    `select id from topups where topup_id in ('r3', 'r4') order by topup_id`,
  );
  await t.pool.query(
    `insert into refunds (topup_pk, amount, created_via, state) values ($1, 300, 'user:a@b.dz', 'awaiting_approval'), ($2, 400, 'user:a@b.dz', 'approved')`,
    [rows[0].id, rows[1].id],
  );
});
afterAll(() => t.close());

describe('the refunds queue', () => {
  it('lists what is due oldest first, marking the one already waiting for approval', async () => {
    const due = await listRefundsDue(t.db);
    expect(due.map((r) => [r.topupId, r.awaiting])).toEqual([
      ['r1', false],
      ['r2', false],
      ['r3', true],
    ]);
  });

  it('totals what the customers are owed, using what they paid when known', async () => {
    expect(await refundsDueTotals(t.db)).toEqual({ count: 3, total: '650.00' });
  });

  it('lists refunds waiting for approval and recent refunds apart', async () => {
    expect((await listAwaitingApproval(t.db)).map((r) => r.amount)).toEqual(['300.00']);
    expect((await listRecentRefunds(t.db)).map((r) => r.amount)).toEqual(['400.00']);
  });
});
