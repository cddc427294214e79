import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { listUnknownQueue, unknownOrder } from './unknown';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  // 45 UNKNOWN_ERROR orders, three to each instant (ties broken by id), and 10 FULFILLED ones.
  await t.pool.query(`
    insert into topups (topup_id, ref, status, plan_code, operator, msisdn, topup_amount,
                        upstream_created_at, unknown_error_at, source)
    select 'u' || g, 'ref-u' || g,
           (case when g > 45 then 'FULFILLED' else 'UNKNOWN_ERROR' end)::topup_status,
           'PREPAID_MOBILIS', 'Mobilis', '06' || lpad(g::text, 8, '0'), 100,
           timestamptz '2026-11-20 00:00:00+01',
           case when g > 45 then null
                else timestamptz '2026-11-20 01:00:00+01' + ((g * 7) % 15) * interval '10 minutes' end,
           'list-sync'
    from generate_series(1, 55) g`);
});
afterAll(() => t.close());

const expected = async () =>
  (
    await t.pool.query(
      "select id from topups where status = 'UNKNOWN_ERROR' order by unknown_error_at, id",
    )
  ).rows.map((r) => Number(r.id));

describe('the UNKNOWN_ERROR queue', () => {
  it('pages through every waiting order once, longest-waiting first', async () => {
    const seen: number[] = [];
    let page = await listUnknownQueue(t.db, { size: 10 });
    expect(page.prev).toBeNull();
    for (;;) {
      seen.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      page = await listUnknownQueue(t.db, { size: 10, after: page.next });
    }
    expect(seen).toEqual(await expected());
  });

  it('goes back a page to the same rows, and reads an edited cursor as the first page', async () => {
    const p1 = await listUnknownQueue(t.db, { size: 10 });
    const p2 = await listUnknownQueue(t.db, { size: 10, after: p1.next ?? '' });
    const back = await listUnknownQueue(t.db, { size: 10, before: p2.prev ?? '' });
    expect(back.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
    const garbled = await listUnknownQueue(t.db, { size: 10, after: 'not-a-cursor' });
    expect(garbled.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
  });

  it('reads one order with its timeline for the escalation pack', async () => {
    const [first] = await expected();
    const found = await unknownOrder(t.db, first ?? 0);
    expect(found?.order.topupId).toMatch(/^u\d+$/);
    expect(found?.events).toEqual([]);
    expect(await unknownOrder(t.db, 999_999)).toBeNull();
  });
});
