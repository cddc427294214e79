import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client';

// Chart data, read from the hourly rollups only (never the raw orders), so a 90-day chart costs
// the same at 10M orders as at 10k. Days and hours of the day are the desk's: the caller passes
// the desk's time zone (lib/time/algiers.ts `DESK_TIME_ZONE`) and the instants of the range.
// Rates and quantiles are worked out above this floor (lib/reports/charts.ts).

export type Granularity = 'hour' | 'day';
/** Rollup hours starting in [from, to), bucketed by UTC hour or by calendar day in `timeZone`. */
export type RollupRange = { from: Date; to: Date; granularity: Granularity; timeZone: string };

/** A timestamptz as the desk's local time (the zone is a bound parameter: group by position). */
const deskTime = (col: SQL, timeZone: string) => sql`(${col} at time zone ${timeZone}::text)`;

/**
 * The chart bucket of a time (a rollup hour, or an order's creation time in the live check):
 * its UTC hour, or its calendar day in `timeZone`. One definition for both, so they cannot drift.
 */
export const bucketOf = (col: SQL, g: Granularity, timeZone: string): SQL =>
  g === 'hour'
    ? sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:00:00"Z"')`
    : sql`to_char(${deskTime(col, timeZone)}::date, 'YYYY-MM-DD')`;

/** The hour of the day (0–23) of a time in `timeZone`, for the heatmap (rollup and live alike). */
export const hourOfDayOf = (col: SQL, timeZone: string): SQL =>
  sql`extract(hour from ${deskTime(col, timeZone)})::int`;
const bucket = (r: RollupRange) => bucketOf(sql`hour`, r.granularity, r.timeZone);
const inRange = (r: { from: Date; to: Date }) => sql`hour >= ${r.from} and hour < ${r.to}`;

const COUNTS = sql`sum(orders)::int as orders, sum(pending)::int as pending, sum(handling)::int as handling,
  sum(fulfilled)::int as fulfilled, sum(refunded)::int as refunded, sum(unknown)::int as unknown`;

/** Orders by status (lib/reports/definitions.ts `Counts`). */
export type StatusCounts = {
  orders: number;
  pending: number;
  handling: number;
  fulfilled: number;
  refunded: number;
  unknown: number;
};
export type KeyedCounts = StatusCounts & { key: string };

/** Order counts by status per chart bucket, oldest first. */
export async function countsByBucket(db: Db, r: RollupRange): Promise<KeyedCounts[]> {
  const res = await db.execute<KeyedCounts>(
    sql`select ${bucket(r)} as key, ${COUNTS} from topup_hourly where ${inRange(r)} group by 1 order by 1`,
  );
  return res.rows;
}

/** Order counts by status per operator or per plan over the whole range, busiest first. */
export async function countsBySplit(
  db: Db,
  r: { from: Date; to: Date },
  dim: 'operator' | 'plan',
): Promise<KeyedCounts[]> {
  const col = dim === 'operator' ? sql`operator` : sql`plan_code`;
  const res = await db.execute<KeyedCounts>(
    sql`select ${col} as key, ${COUNTS} from topup_hourly where ${inRange(r)} group by 1 order by sum(orders) desc, 1`,
  );
  return res.rows;
}

export type OperatorHourCounts = StatusCounts & { operator: string; hour_of_day: number };

/** Order counts by status per operator × hour of the day in `timeZone`. */
export async function countsByOperatorHour(
  db: Db,
  r: { from: Date; to: Date; timeZone: string },
): Promise<OperatorHourCounts[]> {
  const res = await db.execute<OperatorHourCounts>(sql`
    select operator, ${hourOfDayOf(sql`hour`, r.timeZone)} as hour_of_day, ${COUNTS}
    from topup_hourly where ${inRange(r)} group by 1, 2 order by 1, 2`);
  return res.rows;
}

/**
 * The hourly histograms of a chart bucket added up element by element: one sum per histogram
 * bucket over the ≤ 2,160 rows of 90 days. (Unnesting them into 300k rows and grouping those
 * again took ~0.5 s whatever the number of orders.)
 */
const summedHistograms = (buckets: number) =>
  sql.raw(
    `array[${Array.from({ length: buckets }, (_, i) => `coalesce(sum(buckets[${i + 1}]), 0)`).join(', ')}]::int[]`,
  );

/** The time-to-final histogram of each chart bucket (`buckets` elements each), oldest first. */
export async function histogramsByBucket(
  db: Db,
  r: RollupRange,
  buckets: number,
): Promise<{ key: string; histogram: number[] }[]> {
  const res = await db.execute<{ key: string; histogram: number[] }>(sql`
    select ${bucket(r)} as key, ${summedHistograms(buckets)} as histogram
    from ttf_hourly where ${inRange(r)} group by 1 order by 1`);
  return res.rows;
}

export type UnknownOutcomes = {
  key: string;
  passed: number;
  to_fulfilled: number;
  to_refunded: number;
  still: number;
  /** Milliseconds from UNKNOWN_ERROR to final, summed; a bigint as text. */
  resolve_ms: string;
};

/** Per chart bucket with any: orders that went through UNKNOWN_ERROR and how they ended. */
export async function unknownOutcomesByBucket(db: Db, r: RollupRange): Promise<UnknownOutcomes[]> {
  const res = await db.execute<UnknownOutcomes>(sql`
    select ${bucket(r)} as key, sum(passed_unknown)::int as passed, sum(unknown_to_fulfilled)::int as to_fulfilled,
      sum(unknown_to_refunded)::int as to_refunded, sum(unknown)::int as still, sum(unknown_resolve_ms)::text as resolve_ms
    from topup_hourly where ${inRange(r)} group by 1 having sum(passed_unknown) > 0 order by 1`);
  return res.rows;
}

export type RefundPoint = { key: string; refunds: number; amount: string };

/** Customer refunds recorded per bucket, count and DZD (a decimal string). */
export async function refundsByBucket(db: Db, r: RollupRange): Promise<RefundPoint[]> {
  const res = await db.execute<RefundPoint>(sql`
    select ${bucket(r)} as key, sum(refunds)::int as refunds, sum(amount)::text as amount
    from refund_hourly where ${inRange(r)} group by 1 order by 1`);
  return res.rows;
}

/** Order counts by status of the rollup hours in [from, to) (all zero when there are none). */
export async function countsBetween(db: Db, span: { from: Date; to: Date }): Promise<StatusCounts> {
  const res = await db.execute<StatusCounts>(sql`
    select coalesce(sum(orders), 0)::int as orders, coalesce(sum(pending), 0)::int as pending, coalesce(sum(handling), 0)::int as handling,
      coalesce(sum(fulfilled), 0)::int as fulfilled, coalesce(sum(refunded), 0)::int as refunded, coalesce(sum(unknown), 0)::int as unknown
    from topup_hourly where hour >= ${span.from} and hour < ${span.to}`);
  return (
    res.rows[0] ?? { orders: 0, pending: 0, handling: 0, fulfilled: 0, refunded: 0, unknown: 0 }
  );
}

/** When the oldest order still in UNKNOWN_ERROR got there, if any is. */
export async function oldestUnknownAt(db: Db): Promise<Date | null> {
  const res = await db.execute<{ at: string | Date | null }>(
    sql`select min(unknown_error_at) as at from topups where status = 'UNKNOWN_ERROR'`,
  );
  // Raw queries return timestamps as text: make it a Date here, once.
  return res.rows[0]?.at ? new Date(res.rows[0].at) : null;
}

/** What OneClick charged us for orders of the rollup hours from `since` on, in DZD (text). */
export async function chargedSince(db: Db, since: Date): Promise<string> {
  const res = await db.execute<{ total: string }>(
    sql`select coalesce(sum(charged_amount), 0)::text as total from topup_hourly where hour >= ${since}`,
  );
  return res.rows[0]?.total ?? '0';
}
