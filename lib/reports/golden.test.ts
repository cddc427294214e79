import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { heatmap, rateSeries, refundSeries, splitBy, ttfSeries, unknownSeries } from './charts';
import { refreshRollups } from './rollup';

// A small hand-made dataset whose figures are worked out below by hand. Every number the
// reports show for it must equal what is written here.
//
// Algiers day 2026-11-20:
//   10:xx  Djezzy  PREPAID_DJEZZY   FULFILLED ×3 (settled after 10 s, 12 s, 20 s), REFUNDED ×1 (30 s), PENDING ×1
//   22:xx  Mobilis PREPAID_MOBILIS  FULFILLED ×1 (5 s), UNKNOWN_ERROR ×1 (still open),
//                                    REFUNDED ×1 via UNKNOWN_ERROR (unknown at +20 s, settled 2 h later)
//   23:xx  Ooredoo PREPAID_OOREDOO  FULFILLED ×1 (8 s)
// Algiers day 2026-11-21 (00:30 Algiers is still the 20th in UTC):
//   00:xx  Djezzy  PREPAID_DJEZZY   FULFILLED ×2 (9 s each)
// One approved customer refund of 500 DZD on the 20th (12:00 Algiers), one awaiting approval.

let t: TestDb;
const range = (granularity: 'hour' | 'day') => ({
  from: new Date('2026-11-19T23:00:00Z'),
  to: new Date('2026-11-21T23:00:00Z'),
  granularity,
});

beforeAll(async () => {
  t = await createTestDb();
  const rows: [string, string, string, string, string, number | null, number | null][] = [
    // [created (UTC), operator, plan, status, amount, ttf seconds, unknown after seconds]
    ['2026-11-20T09:05:00Z', 'Djezzy', 'PREPAID_DJEZZY', 'FULFILLED', '500', 10, null],
    ['2026-11-20T09:10:00Z', 'Djezzy', 'PREPAID_DJEZZY', 'FULFILLED', '1000', 12, null],
    ['2026-11-20T09:15:00Z', 'Djezzy', 'PREPAID_DJEZZY', 'FULFILLED', '200', 20, null],
    ['2026-11-20T09:20:00Z', 'Djezzy', 'PREPAID_DJEZZY', 'REFUNDED', '500', 30, null],
    ['2026-11-20T09:25:00Z', 'Djezzy', 'PREPAID_DJEZZY', 'PENDING', '100', null, null],
    ['2026-11-20T21:05:00Z', 'Mobilis', 'PREPAID_MOBILIS', 'FULFILLED', '300', 5, null],
    ['2026-11-20T21:10:00Z', 'Mobilis', 'PREPAID_MOBILIS', 'UNKNOWN_ERROR', '400', null, 20],
    ['2026-11-20T21:15:00Z', 'Mobilis', 'PREPAID_MOBILIS', 'REFUNDED', '600', 7220, 20],
    ['2026-11-20T22:30:00Z', 'Ooredoo', 'PREPAID_OOREDOO', 'FULFILLED', '250', 8, null],
    ['2026-11-20T23:30:00Z', 'Djezzy', 'PREPAID_DJEZZY', 'FULFILLED', '100', 9, null],
    ['2026-11-20T23:40:00Z', 'Djezzy', 'PREPAID_DJEZZY', 'FULFILLED', '100', 9, null],
  ];
  for (const [i, [created, operator, plan, status, amount, ttf, unknownAfter]] of rows.entries()) {
    await t.pool.query(
      `insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, balance_amount, upstream_created_at, source,
         finalized_at, unknown_error_at)
       values ($1, $2, $3, $4, '0778037340', $5, $5, $6, 'ingest',
         case when $7::int is null then null else $6::timestamptz + make_interval(secs => $7::int) end,
         case when $8::int is null then null else $6::timestamptz + make_interval(secs => $8::int) end)`,
      [`g${i}`, status, plan, operator, amount, created, ttf, unknownAfter],
    );
  }
  const { rows: ids } = await t.pool.query(
    `select id from topups where status = 'REFUNDED' order by id`,
  );
  await t.pool.query(
    `insert into refunds (topup_pk, amount, created_via, state, created_at) values
       ($1, 500, 'user:f@shop.dz', 'approved', '2026-11-20T11:00:00Z'), ($2, 600, 'user:f@shop.dz', 'awaiting_approval', '2026-11-20T22:00:00Z')`,
    [ids[0].id, ids[1].id],
  );
  await refreshRollups(t.db);
});
afterAll(() => t.close());

describe('report figures on the golden dataset', () => {
  it('fulfilment, refunded and unknown rates per Algiers day, over settled orders only', async () => {
    const series = await rateSeries(t.db, range('day'));
    expect(
      series.map((p) => ({
        day: p.key,
        orders: p.orders,
        settled: p.fulfilled + p.refunded + p.unknown,
        f: p.fulfilledRate,
        r: p.refundedRate,
        u: p.unknownRate,
      })),
    ).toEqual([
      { day: '2026-11-20', orders: 9, settled: 8, f: 5 / 8, r: 2 / 8, u: 1 / 8 },
      { day: '2026-11-21', orders: 2, settled: 2, f: 1, r: 0, u: 0 },
    ]);
  });

  it('the same split by operator and by plan', async () => {
    const ops = await splitBy(t.db, range('day'), 'operator');
    expect(ops.map((p) => [p.key, p.orders, p.fulfilledRate])).toEqual([
      ['Djezzy', 7, 5 / 6],
      ['Mobilis', 3, 1 / 3],
      ['Ooredoo', 1, 1],
    ]);
    const plans = await splitBy(t.db, range('day'), 'plan');
    expect(plans.map((p) => p.key)).toEqual([
      'PREPAID_DJEZZY',
      'PREPAID_MOBILIS',
      'PREPAID_OOREDOO',
    ]);
  });

  it('the heatmap puts orders in their Algiers hour of the day', async () => {
    const cells = await heatmap(t.db, range('day'));
    expect(cells.map((c) => [c.operator, c.hourOfDay, c.settled, c.rate])).toEqual([
      ['Djezzy', 0, 2, 1],
      ['Djezzy', 10, 4, 3 / 4],
      ['Mobilis', 22, 3, 1 / 3],
      ['Ooredoo', 23, 1, 1],
    ]);
  });

  it('time to final: p50 and p95 per day from the histogram', async () => {
    const ttf = await ttfSeries(t.db, range('day'));
    // 20th: 5, 8, 10, 12, 20, 30 s and 2 h 0 min 20 s → p50 is the 4th (12 s → bucket up to 13 s); p95 the 7th (over an hour).
    expect(ttf).toEqual([
      { key: '2026-11-20', settled: 7, p50Ms: 13_000, p95Ms: Number.POSITIVE_INFINITY },
      { key: '2026-11-21', settled: 2, p50Ms: 10_000, p95Ms: 10_000 },
    ]);
  });

  it('UNKNOWN_ERROR: how many, how they ended and how long OneClick took', async () => {
    expect(await unknownSeries(t.db, range('day'))).toEqual([
      {
        key: '2026-11-20',
        passed: 2,
        toFulfilled: 0,
        toRefunded: 1,
        stillUnknown: 1,
        avgResolveHours: 2,
      },
    ]);
  });

  it('customer refunds per day count only approved ones, in exact DZD', async () => {
    expect(await refundSeries(t.db, range('day'))).toEqual([
      { key: '2026-11-20', refunds: 1, amount: '500.00' },
    ]);
  });

  it('a status that changes a day later corrects its creation hour, not today', async () => {
    await t.pool.query(
      `update topups set status = 'FULFILLED', finalized_at = upstream_created_at + interval '26 hours' where status = 'UNKNOWN_ERROR'`,
    );
    await refreshRollups(t.db);
    const [day20] = await rateSeries(t.db, range('day'));
    expect(day20).toMatchObject({
      key: '2026-11-20',
      fulfilled: 6,
      unknown: 0,
      fulfilledRate: 6 / 8,
    });
    const [unknown] = await unknownSeries(t.db, range('day'));
    expect(unknown).toMatchObject({ passed: 2, toFulfilled: 1, toRefunded: 1, stillUnknown: 0 });
  });
});
