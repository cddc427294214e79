import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { bucketOf, hourOfDayOf } from '../db/queries/reports';
import {
  type HeatCell,
  type RatePoint,
  type RefundPoint,
  type ReportRange,
  type TtfPoint,
  type UnknownPoint,
  unknownPoint,
  withRates,
} from '../lib/reports/charts';
import {
  type Counts,
  histogramQuantile,
  rate,
  settled,
  TTF_BUCKETS,
} from '../lib/reports/definitions';
import { landingSpans, rateFigures } from '../lib/reports/landing';
import { DESK_TIME_ZONE, HOUR_MS } from '../lib/time/algiers';

// The report figures computed live from the raw `topups` and `refunds`, with the definitions of
// lib/reports/definitions.ts and the buckets of db/queries/reports.ts, in exactly the shapes the
// rollup queries return. The benchmark and the tests check the rollups against these; nothing
// else should call them: a 90-day live GROUP BY reads millions of rows.

/**
 * A chart range takes the rollup hours that start in [from, to): those are the orders created
 * from the first whole UTC hour at or after `from` up to the first one at or after `to`.
 */
const ceilHour = (d: Date) => new Date(Math.ceil(d.getTime() / HOUR_MS) * HOUR_MS);
const within = (col: SQL, r: { from: Date; to: Date }) =>
  sql`${col} >= ${ceilHour(r.from)} and ${col} < ${ceilHour(r.to)}`;

const CREATED = sql`upstream_created_at`;
const COUNTS = sql`count(*)::int as orders,
  (count(*) filter (where status = 'PENDING'))::int as pending,
  (count(*) filter (where status = 'HANDLING'))::int as handling,
  (count(*) filter (where status = 'FULFILLED'))::int as fulfilled,
  (count(*) filter (where status = 'REFUNDED'))::int as refunded,
  (count(*) filter (where status = 'UNKNOWN_ERROR'))::int as unknown`;

type CountRow = Counts & { key: string };

/** Live `rateSeries`. */
export async function rateSeries(db: Db, r: ReportRange): Promise<RatePoint[]> {
  const res = await db.execute<CountRow>(sql`
    select ${bucketOf(CREATED, r.granularity, DESK_TIME_ZONE)} as key, ${COUNTS}
    from topups where ${within(CREATED, r)} group by 1 order by 1`);
  return res.rows.map(withRates);
}

/** Live `splitBy`. */
export async function splitBy(
  db: Db,
  r: ReportRange,
  dim: 'operator' | 'plan',
): Promise<RatePoint[]> {
  const col = dim === 'operator' ? sql`operator` : sql`plan_code`;
  const res = await db.execute<CountRow>(sql`
    select ${col} as key, ${COUNTS}
    from topups where ${within(CREATED, r)} group by 1 order by count(*) desc, 1`);
  return res.rows.map(withRates);
}

/** Live `heatmap`: operator × Algiers hour of the day. */
export async function heatmap(db: Db, r: ReportRange): Promise<HeatCell[]> {
  const res = await db.execute<CountRow & { operator: string; hour_of_day: number }>(sql`
    select operator, ${hourOfDayOf(CREATED, DESK_TIME_ZONE)} as hour_of_day, ${COUNTS}
    from topups where ${within(CREATED, r)} group by 1, 2 order by 1, 2`);
  return res.rows.map((c) => ({
    operator: c.operator,
    hourOfDay: c.hour_of_day,
    settled: settled(c),
    fulfilled: c.fulfilled,
    rate: rate(c.fulfilled, c),
  }));
}

/** Live `ttfSeries`: one histogram per bucket straight from the orders that settled. */
export async function ttfSeries(db: Db, r: ReportRange): Promise<TtfPoint[]> {
  const res = await db.execute<{ key: string; histogram: number[] }>(sql`
    select ${bucketOf(CREATED, r.granularity, DESK_TIME_ZONE)} as key,
      ttf_histogram(array_agg(ttf_bucket(extract(epoch from finalized_at - upstream_created_at) * 1000))) as histogram
    from topups
    where ${within(CREATED, r)} and finalized_at is not null and status in ('FULFILLED', 'REFUNDED')
    group by 1 order by 1`);
  return res.rows.map((row) => {
    const histogram = row.histogram.slice(0, TTF_BUCKETS);
    return {
      key: row.key,
      settled: histogram.reduce((a, b) => a + b, 0),
      p50Ms: histogramQuantile(histogram, 0.5),
      p95Ms: histogramQuantile(histogram, 0.95),
    };
  });
}

/** Live `unknownSeries`: each resolved order's time counts in whole milliseconds. */
export async function unknownSeries(db: Db, r: ReportRange): Promise<UnknownPoint[]> {
  const res = await db.execute<{
    key: string;
    passed: number;
    to_fulfilled: number;
    to_refunded: number;
    still: number;
    resolve_ms: string;
  }>(sql`
    select ${bucketOf(CREATED, r.granularity, DESK_TIME_ZONE)} as key,
      (count(*) filter (where unknown_error_at is not null))::int as passed,
      (count(*) filter (where unknown_error_at is not null and status = 'FULFILLED'))::int as to_fulfilled,
      (count(*) filter (where unknown_error_at is not null and status = 'REFUNDED'))::int as to_refunded,
      (count(*) filter (where status = 'UNKNOWN_ERROR'))::int as still,
      coalesce(sum(round(extract(epoch from finalized_at - unknown_error_at) * 1000)) filter (where unknown_error_at is not null
        and status in ('FULFILLED', 'REFUNDED') and finalized_at >= unknown_error_at), 0)::text as resolve_ms
    from topups where ${within(CREATED, r)}
    group by 1 having count(*) filter (where unknown_error_at is not null) > 0 order by 1`);
  return res.rows.map(unknownPoint);
}

/** Live `refundSeries`: approved customer refunds by the time they were recorded. */
export async function refundSeries(db: Db, r: ReportRange): Promise<RefundPoint[]> {
  const res = await db.execute<RefundPoint>(sql`
    select ${bucketOf(sql`created_at`, r.granularity, DESK_TIME_ZONE)} as key, count(*)::int as refunds, sum(amount)::text as amount
    from refunds where state = 'approved' and ${within(sql`created_at`, r)} group by 1 order by 1`);
  return res.rows;
}

async function countsBetween(db: Db, span: { from: Date; to: Date }): Promise<Counts> {
  const res = await db.execute<Counts>(
    sql`select ${COUNTS} from topups where ${within(CREATED, span)}`,
  );
  return (
    res.rows[0] ?? { orders: 0, pending: 0, handling: 0, fulfilled: 0, refunded: 0, unknown: 0 }
  );
}

/** The rate figures of `landingFigures` (today, yesterday, the 7 days before today), live. */
export async function landingRates(db: Db, now: Date) {
  const spans = landingSpans(now);
  const [t, y, w] = await Promise.all([
    countsBetween(db, spans.today),
    countsBetween(db, spans.yesterday),
    countsBetween(db, spans.week),
  ]);
  return rateFigures(t, y, w);
}
