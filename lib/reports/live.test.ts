import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingChanges } from '../../db/queries/rollups';
import { createTestDb, type TestDb } from '../../test/db';
import * as live from '../../test/reports-live';
import * as rollup from './charts';
import { type Granularity, type ReportRange, refundSeries } from './charts';
import { landingFigures } from './landing';
import { refreshRollups } from './rollup';

// Random orders (a fixed seed: every draw is a hash of the row number and a stream) over four
// days around Algiers midnights, with every status, UNKNOWN_ERROR resolved or not, times to
// final from 0 s to hours (and a few with a clock skew, or no final time), amounts with cents,
// and customer refunds in every state. After the rollups are rebuilt, each figure read from
// them must deep-equal the same figure computed live from the raw rows.

const ORDERS = 600;
let t: TestDb;

const rnd = (stream: number) =>
  `((hashint8extended(g, ${stream}) & 9007199254740991)::float8 / 9007199254740992)`;

async function refreshAll() {
  for (;;) {
    const { topupChanges, refundChanges } = await refreshRollups(t.db, 50);
    if (topupChanges + refundChanges === 0) break;
  }
  expect(await pendingChanges(t.db)).toBe(0);
}

beforeAll(async () => {
  t = await createTestDb();
  await t.pool.query(`
    insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, balance_amount,
      upstream_created_at, source, finalized_at, unknown_error_at)
    select 'lv' || g, status::topup_status, plan, op, '0778037340', amount, round(amount * 0.97, 2), created, 'ingest',
      case when status in ('FULFILLED', 'REFUNDED') and g % 89 <> 0 then
        case when g % 97 = 0 then created - interval '5 seconds'
          when ue_at is not null then ue_at + ${rnd(5)} * interval '30 hours'
          else created + ${rnd(5)} ^ 3 * interval '5000 seconds' end end,
      ue_at
    from (
      select g, created,
        (array['PREPAID_DJEZZY','FACTURE_DJEZZY','PREPAID_MOBILIS','PIXX_500','MIX500_MOBILIS','PREPAID_OOREDOO'])[pi] as plan,
        (array['Djezzy','Djezzy','Mobilis','Mobilis','Mobilis','Ooredoo'])[pi] as op,
        round((50 + ${rnd(6)} * 9950)::numeric, 2) as amount, status,
        case when status = 'UNKNOWN_ERROR' or (status in ('FULFILLED', 'REFUNDED') and ${rnd(4)} < 0.3)
          then created + ${rnd(7)} * interval '60 seconds' end as ue_at
      from (
        select g, 1 + floor(${rnd(2)} * 6)::int as pi,
          -- Some orders exactly on an hour, or on an Algiers midnight (23:00 UTC).
          case when g % 50 = 0 then date_trunc('hour', c, 'UTC') when g % 75 = 0 then date_trunc('day', c, 'UTC') - interval '1 hour'
            else c end as created,
          case when ${rnd(3)} < 0.08 then 'PENDING' when ${rnd(3)} < 0.14 then 'HANDLING' when ${rnd(3)} < 0.75 then 'FULFILLED'
            when ${rnd(3)} < 0.87 then 'REFUNDED' else 'UNKNOWN_ERROR' end as status
        from generate_series(1, ${ORDERS}) g,
          lateral (select timestamptz '2026-11-19T20:00:00Z' + ${rnd(1)} * interval '4 days' as c) cc
      ) a
    ) b`);
  await t.pool.query(`
    insert into refunds (topup_pk, amount, created_via, state, created_at)
    select id, topup_amount, 'test', (array['approved','approved','awaiting_approval','rejected'])[1 + id % 4]::refund_state,
      coalesce(finalized_at, upstream_created_at) + (id % 37) * interval '47 minutes 13.5 seconds'
    from topups where status = 'REFUNDED' and id % 5 <> 0`);
  await refreshAll();
});
afterAll(() => t.close());

const ALIGNED: Omit<ReportRange, 'granularity'> = {
  from: new Date('2026-11-18T23:00:00Z'),
  to: new Date('2026-11-24T23:00:00Z'),
};
const UNALIGNED: Omit<ReportRange, 'granularity'> = {
  from: new Date('2026-11-20T09:17:00Z'),
  to: new Date('2026-11-22T03:42:30Z'),
};
const CASES = [
  ['whole days', ALIGNED],
  ['a range that starts and ends inside an hour', UNALIGNED],
] as const;
const GRANULARITIES: Granularity[] = ['day', 'hour'];

async function expectAllEqual(base: Omit<ReportRange, 'granularity'>) {
  for (const granularity of GRANULARITIES) {
    const r = { ...base, granularity };
    expect(await rollup.rateSeries(t.db, r)).toStrictEqual(await live.rateSeries(t.db, r));
    expect(await rollup.ttfSeries(t.db, r)).toStrictEqual(await live.ttfSeries(t.db, r));
    expect(await rollup.unknownSeries(t.db, r)).toStrictEqual(await live.unknownSeries(t.db, r));
    expect(await rollup.refundSeries(t.db, r)).toStrictEqual(await live.refundSeries(t.db, r));
  }
  const r = { ...base, granularity: 'day' as const };
  expect(await rollup.splitBy(t.db, r, 'operator')).toStrictEqual(
    await live.splitBy(t.db, r, 'operator'),
  );
  expect(await rollup.splitBy(t.db, r, 'plan')).toStrictEqual(await live.splitBy(t.db, r, 'plan'));
  expect(await rollup.heatmap(t.db, r)).toStrictEqual(await live.heatmap(t.db, r));
}

async function expectLandingEqual(now: Date) {
  const f = await landingFigures(t.db, now);
  expect({ today: f.today, yesterday: f.yesterday, week: f.week }).toStrictEqual(
    await live.landingRates(t.db, now),
  );
}

describe('rollups against the live computation from raw orders', () => {
  it('the dataset is not trivial: every kind of figure has points', async () => {
    const r = { ...ALIGNED, granularity: 'day' as const };
    const days = await live.rateSeries(t.db, r);
    expect(days.map((d) => d.key)).toEqual([
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ]);
    expect(days.reduce((n, d) => n + d.orders, 0)).toBe(ORDERS);
    expect(days.filter((d) => d.pending + d.handling > 0 && d.unknown > 0).length).toBeGreaterThan(
      3,
    );
    const ttf = await live.ttfSeries(t.db, r);
    expect(ttf.some((p) => p.p95Ms === Number.POSITIVE_INFINITY)).toBe(true);
    const unknown = await live.unknownSeries(t.db, r);
    expect(unknown.some((p) => p.toFulfilled > 0 && p.toRefunded > 0 && p.avgResolveHours)).toBe(
      true,
    );
    expect((await live.refundSeries(t.db, r)).length).toBeGreaterThan(2);
    expect((await live.splitBy(t.db, r, 'plan')).length).toBe(6);
  });

  for (const [name, range] of CASES)
    it(`every chart agrees by day and by hour: ${name}`, () => expectAllEqual(range));

  it('the landing page rates agree, today and at a day boundary', async () => {
    await expectLandingEqual(new Date('2026-11-22T15:00:00Z'));
    await expectLandingEqual(new Date('2026-11-21T23:00:00Z'));
  });

  it('still agree after late status changes, a refund approval and a deleted order', async () => {
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`
        update topups set status = 'FULFILLED', finalized_at = unknown_error_at + interval '26 hours 0.4 seconds'
        where status = 'UNKNOWN_ERROR' and id % 2 = 0`);
      await tx.execute(sql`
        update topups set status = 'REFUNDED', finalized_at = finalized_at + interval '3 hours'
        where status = 'FULFILLED' and id % 7 = 0`);
      await tx.execute(
        sql`update topups set upstream_created_at = upstream_created_at + interval '1 day' where id % 41 = 0`,
      );
      await tx.execute(
        sql`update refunds set state = 'approved' where state = 'awaiting_approval'`,
      );
      await tx.execute(sql`delete from topups where status = 'PENDING' and id % 3 = 0`);
    });
    const before = await refundSeries(t.db, { ...ALIGNED, granularity: 'day' });
    await refreshAll();
    expect(await refundSeries(t.db, { ...ALIGNED, granularity: 'day' })).not.toEqual(before);
    for (const [, range] of CASES) await expectAllEqual(range);
    await expectLandingEqual(new Date('2026-11-22T15:00:00Z'));
  });
});
