import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../lib/orders/filter-query';
import { type OrderFilters, orderQuery, parseOrderFilters } from '../../lib/orders/filters';
import { createTestDb, type TestDb } from '../../test/db';
import { countOrders, listOrders, type OrderQuery, tabCounts } from './orders-list';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  // 130 orders: one per hour, amounts cycling 100..1300, every 5th REFUNDED, some duplicated times.
  await t.pool.query(`
    insert into topups (topup_id, ref, status, plan_code, operator, msisdn, topup_amount, upstream_created_at, source)
    select 'id' || g, 'ref-' || g,
           (case when g % 5 = 0 then 'REFUNDED' else 'FULFILLED' end)::topup_status,
           case when g % 2 = 0 then 'PREPAID_DJEZZY' else 'PREPAID_MOBILIS' end,
           case when g % 2 = 0 then 'Djezzy' else 'Mobilis' end,
           case when g % 10 = 0 then '0778037340' else '06' || lpad(g::text, 8, '0') end,
           100 * (1 + g % 13),
           timestamptz '2026-11-20 00:00:00+01' + (g / 2) * interval '1 hour',
           'list-sync'
    from generate_series(1, 130) g`);
});
afterAll(() => t.close());

const view = (over: Partial<OrderFilters>): OrderQuery =>
  orderQuery({ ...DEFAULT_FILTERS, ...over });

async function walk(f: OrderQuery) {
  const seen: number[] = [];
  let page = await listOrders(t.db, f);
  for (;;) {
    seen.push(...page.rows.map((r) => Number(r.id)));
    if (!page.next) return { seen, last: page };
    page = await listOrders(t.db, { ...f, after: page.next });
  }
}

describe('the orders list', () => {
  it('walks every order exactly once, newest first, even with equal timestamps', async () => {
    const { seen } = await walk(view({ size: 25 }));
    const { rows } = await t.pool.query(
      'select id from topups order by upstream_created_at desc, id desc',
    );
    expect(seen).toEqual(rows.map((r) => Number(r.id)));
  });

  it('goes back a page with the previous cursor and lands on the same rows', async () => {
    const p1 = await listOrders(t.db, view({ size: 25 }));
    const p2 = await listOrders(t.db, view({ size: 25, after: p1.next ?? '' }));
    const back = await listOrders(t.db, view({ size: 25, before: p2.prev ?? '' }));
    expect(back.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
    expect(p1.prev).toBeNull();
  });

  it('sorts by amount in both directions through the same keyset', async () => {
    const { seen } = await walk(view({ sort: 'amount', dir: 'asc', size: 25 }));
    const { rows } = await t.pool.query('select id from topups order by topup_amount asc, id asc');
    expect(seen).toEqual(rows.map((r) => Number(r.id)));
  });

  it('applies status, operator, amount, date and phone filters together', async () => {
    const f = view({
      tab: 'REFUNDED',
      operator: 'Djezzy',
      min: '300',
      max: '1000',
      from: '2026-11-20',
      to: '2026-11-21',
    });
    const { seen } = await walk(f);
    const { rows } = await t.pool.query(`
      select id from topups where status = 'REFUNDED' and operator = 'Djezzy' and topup_amount between 300 and 1000
        and upstream_created_at >= '2026-11-20 00:00+01' and upstream_created_at < '2026-11-22 00:00+01'
      order by upstream_created_at desc, id desc`);
    expect(seen).toEqual(rows.map((r) => Number(r.id)));
    expect(await countOrders(t.db, f)).toEqual({ n: rows.length, exact: true });
    expect((await countOrders(t.db, view({ phone: '0778037340' }))).n).toBe(13);
  });

  it('opens one Algiers hour from a chart point: 05:00 included, 07:00 excluded', async () => {
    const { filters, ignored } = parseOrderFilters({
      from: '2026-11-20T05:00',
      to: '2026-11-20T07:00',
      sort: 'created',
      dir: 'asc',
    });
    expect(ignored).toEqual([]);
    const query = orderQuery(filters);
    const { seen } = await walk(query);
    const { rows } = await t.pool.query(`
      select id from topups
      where upstream_created_at >= '2026-11-20 05:00+01' and upstream_created_at < '2026-11-20 07:00+01'
      order by upstream_created_at asc, id asc`);
    expect(rows).toHaveLength(4);
    expect(seen).toEqual(rows.map((r) => Number(r.id)));
    expect(await countOrders(t.db, query)).toEqual({ n: 4, exact: true });
  });

  it('reads tab counts from the trigger-kept counters', async () => {
    expect(await tabCounts(t.db)).toMatchObject({
      all: 130,
      REFUNDED: 26,
      FULFILLED: 104,
      refund_due: 26,
    });
    expect(await countOrders(t.db, view({ tab: 'refund_due' }))).toEqual({ n: 26, exact: true });
  });
});

describe('a cursor someone edited in the URL', () => {
  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('shows the first page instead of failing the query', async () => {
    const first = await listOrders(t.db, view({ size: 25 }));
    const amountFirst = await listOrders(t.db, view({ sort: 'amount', size: 25 }));
    for (const cursor of [
      forged(['not a date', 5]),
      forged(['9999-99-99', 5]),
      forged(['1e999', 5]),
    ]) {
      for (const key of ['after', 'before'] as const) {
        const page = await listOrders(t.db, view({ size: 25, [key]: cursor }));
        expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
        const byAmount = await listOrders(t.db, view({ sort: 'amount', size: 25, [key]: cursor }));
        expect(byAmount.rows.map((r) => r.id)).toEqual(amountFirst.rows.map((r) => r.id));
      }
    }
  });

  it('made under another sort order also falls back to the first page', async () => {
    const byDate = await listOrders(t.db, view({ size: 25 }));
    const byAmount = await listOrders(t.db, view({ sort: 'amount', size: 25 }));
    const page = await listOrders(
      t.db,
      view({ sort: 'amount', size: 25, after: byDate.next ?? '' }),
    );
    expect(page.rows.map((r) => r.id)).toEqual(byAmount.rows.map((r) => r.id));
  });
});

describe('reading a view from its URL', () => {
  it('keeps good parameters and names every one it drops', () => {
    const { filters, ignored } = parseOrderFilters({
      tab: 'REFUNDED',
      min: 'abc',
      phone: '+213 778 03 73 40',
      size: '7',
      operator: 'Djezzy',
    });
    expect(filters).toMatchObject({
      tab: 'REFUNDED',
      phone: '0778037340',
      operator: 'Djezzy',
      size: 50,
    });
    expect(ignored.sort()).toEqual(['min', 'size']);
  });

  it('refuses a minimum above the maximum instead of showing an empty list', () => {
    const { filters, ignored } = parseOrderFilters({ min: '900', max: '100' });
    expect(filters.min).toBeUndefined();
    expect(ignored).toEqual(['min', 'max']);
  });
});
