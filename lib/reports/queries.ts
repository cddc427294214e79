import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { DESK_TIME_ZONE, HOUR_MS } from '../time/algiers';
import { type Counts, histogramQuantile, rate, settled, TTF_BUCKETS } from './definitions';

// Chart data, read from the hourly rollups only (never the raw orders), so a 90-day chart costs
// the same at 10M orders as at 10k. Days and hours of the day are the desk's (lib/time/algiers.ts).

export type Granularity = 'hour' | 'day';
export type ReportRange = { from: Date; to: Date; granularity: Granularity };

/** A timestamptz as the desk's local time (the zone is a bound parameter: group by position). */
const deskTime = (col: SQL) => sql`(${col} at time zone ${DESK_TIME_ZONE}::text)`;

/**
 * The chart bucket of a time (a rollup hour, or an order's creation time in the live check):
 * its UTC hour, or its Algiers calendar day. One definition for both, so they cannot drift.
 */
export const bucketOf = (col: SQL, g: Granularity): SQL =>
  g === 'hour'
    ? sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:00:00"Z"')`
    : sql`to_char(${deskTime(col)}::date, 'YYYY-MM-DD')`;

/** Algeria's hour of the day (0–23) of a time, for the heatmap (rollup and live alike). */
export const hourOfDayOf = (col: SQL): SQL => sql`extract(hour from ${deskTime(col)})::int`;
const bucket = (g: Granularity) => bucketOf(sql`hour`, g);
const inRange = (r: ReportRange) => sql`hour >= ${r.from} and hour < ${r.to}`;

const COUNTS = sql`sum(orders)::int as orders, sum(pending)::int as pending, sum(handling)::int as handling,
  sum(fulfilled)::int as fulfilled, sum(refunded)::int as refunded, sum(unknown)::int as unknown`;

type CountRow = Counts & { key: string };

export function withRates<T extends Counts>(row: T) {
  return {
    ...row,
    fulfilledRate: rate(row.fulfilled, row),
    refundedRate: rate(row.refunded, row),
    unknownRate: rate(row.unknown, row),
  };
}

export type RatePoint = ReturnType<typeof withRates<CountRow>>;

/** Fulfilment, refunded and unknown-error rates per bucket. */
export async function rateSeries(db: Db, r: ReportRange): Promise<RatePoint[]> {
  const res = await db.execute<CountRow>(
    sql`select ${bucket(r.granularity)} as key, ${COUNTS} from topup_hourly where ${inRange(r)} group by 1 order by 1`,
  );
  return res.rows.map(withRates);
}

/** The same split by operator or by plan, over the whole range. */
export async function splitBy(
  db: Db,
  r: ReportRange,
  dim: 'operator' | 'plan',
): Promise<RatePoint[]> {
  const col = dim === 'operator' ? sql`operator` : sql`plan_code`;
  const res = await db.execute<CountRow>(
    sql`select ${col} as key, ${COUNTS} from topup_hourly where ${inRange(r)} group by 1 order by sum(orders) desc, 1`,
  );
  return res.rows.map(withRates);
}

export type HeatCell = {
  operator: string;
  hourOfDay: number;
  settled: number;
  fulfilled: number;
  rate: number | null;
};

/** Fulfilment rate by operator × hour of the day (Algiers). */
export async function heatmap(db: Db, r: ReportRange): Promise<HeatCell[]> {
  const res = await db.execute<CountRow & { operator: string; hour_of_day: number }>(sql`
    select operator, ${hourOfDayOf(sql`hour`)} as hour_of_day, ${COUNTS}
    from topup_hourly where ${inRange(r)} group by 1, 2 order by 1, 2`);
  return res.rows.map((c) => ({
    operator: c.operator,
    hourOfDay: c.hour_of_day,
    settled: settled(c),
    fulfilled: c.fulfilled,
    rate: rate(c.fulfilled, c),
  }));
}

export type TtfPoint = { key: string; settled: number; p50Ms: number | null; p95Ms: number | null };

/**
 * The hourly histograms of a chart bucket added up element by element: one sum per histogram
 * bucket over the ≤ 2,160 rows of 90 days. (Unnesting them into 300k rows and grouping those
 * again took ~0.5 s whatever the number of orders.)
 */
const SUMMED_HISTOGRAMS = sql.raw(
  `array[${Array.from({ length: TTF_BUCKETS }, (_, i) => `coalesce(sum(buckets[${i + 1}]), 0)`).join(', ')}]::int[]`,
);

/** Time-to-final p50/p95 per bucket, from the summed histograms. */
export async function ttfSeries(db: Db, r: ReportRange): Promise<TtfPoint[]> {
  const res = await db.execute<{ key: string; histogram: number[] }>(sql`
    select ${bucket(r.granularity)} as key, ${SUMMED_HISTOGRAMS} as histogram
    from ttf_hourly where ${inRange(r)} group by 1 order by 1`);
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

export type UnknownPoint = {
  key: string;
  passed: number;
  toFulfilled: number;
  toRefunded: number;
  stillUnknown: number;
  avgResolveHours: number | null;
};

/** Orders that went through UNKNOWN_ERROR, how they ended, and how long OneClick took. */
export async function unknownSeries(db: Db, r: ReportRange): Promise<UnknownPoint[]> {
  const res = await db.execute<{
    key: string;
    passed: number;
    to_fulfilled: number;
    to_refunded: number;
    still: number;
    resolve_ms: string;
  }>(sql`
    select ${bucket(r.granularity)} as key, sum(passed_unknown)::int as passed, sum(unknown_to_fulfilled)::int as to_fulfilled,
      sum(unknown_to_refunded)::int as to_refunded, sum(unknown)::int as still, sum(unknown_resolve_ms)::text as resolve_ms
    from topup_hourly where ${inRange(r)} group by 1 having sum(passed_unknown) > 0 order by 1`);
  return res.rows.map((row) => {
    const resolved = row.to_fulfilled + row.to_refunded;
    return {
      key: row.key,
      passed: row.passed,
      toFulfilled: row.to_fulfilled,
      toRefunded: row.to_refunded,
      stillUnknown: row.still,
      avgResolveHours: resolved ? Number(row.resolve_ms) / resolved / HOUR_MS : null,
    };
  });
}

export type RefundPoint = { key: string; refunds: number; amount: string };

/** Customer refunds recorded per bucket, count and DZD (a decimal string). */
export async function refundSeries(db: Db, r: ReportRange): Promise<RefundPoint[]> {
  const res = await db.execute<RefundPoint>(sql`
    select ${bucket(r.granularity)} as key, sum(refunds)::int as refunds, sum(amount)::text as amount
    from refund_hourly where ${inRange(r)} group by 1 order by 1`);
  return res.rows;
}
