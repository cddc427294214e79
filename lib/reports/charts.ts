import type { Db } from '../../db/client';
import { type RecoveredPoint, recoveredByBucket } from '../../db/queries/refunds';
import {
  countsByBucket,
  countsByOperatorHour,
  countsBySplit,
  type Granularity,
  histogramsByBucket,
  type RefundPoint,
  type RollupRange,
  refundsByBucket,
  type UnknownOutcomes,
  unknownOutcomesByBucket,
} from '../../db/queries/reports';
import { DESK_TIME_ZONE, HOUR_MS } from '../time/algiers';
import { type Counts, histogramQuantile, rate, settled, TTF_BUCKETS } from './definitions';

// The reports' charts, from the hourly rollups (db/queries/reports.ts) in the desk's days and
// hours of the day (lib/time/algiers.ts), with the figures of lib/reports/definitions.ts.

export type { Granularity, RefundPoint };
export type ReportRange = { from: Date; to: Date; granularity: Granularity };

/** A report range as the rollup queries take it: in the desk's time zone. */
const inDeskTime = (r: ReportRange): RollupRange => ({
  from: r.from,
  to: r.to,
  granularity: r.granularity,
  timeZone: DESK_TIME_ZONE,
});

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
  return (await countsByBucket(db, inDeskTime(r))).map(withRates);
}

/** The same split by operator or by plan, over the whole range. */
export async function splitBy(
  db: Db,
  r: ReportRange,
  dim: 'operator' | 'plan',
): Promise<RatePoint[]> {
  return (await countsBySplit(db, r, dim)).map(withRates);
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
  const rows = await countsByOperatorHour(db, inDeskTime(r));
  return rows.map((c) => ({
    operator: c.operator,
    hourOfDay: c.hour_of_day,
    settled: settled(c),
    fulfilled: c.fulfilled,
    rate: rate(c.fulfilled, c),
  }));
}

export type TtfPoint = { key: string; settled: number; p50Ms: number | null; p95Ms: number | null };

/** Time-to-final p50/p95 per bucket, from the summed histograms. */
export async function ttfSeries(db: Db, r: ReportRange): Promise<TtfPoint[]> {
  const rows = await histogramsByBucket(db, inDeskTime(r), TTF_BUCKETS);
  return rows.map((row) => {
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
  return (await unknownOutcomesByBucket(db, inDeskTime(r))).map(unknownPoint);
}

/** One bucket's UNKNOWN_ERROR outcomes as the chart shows them (resolve time averaged). */
export function unknownPoint(row: UnknownOutcomes): UnknownPoint {
  const resolved = row.to_fulfilled + row.to_refunded;
  return {
    key: row.key,
    passed: row.passed,
    toFulfilled: row.to_fulfilled,
    toRefunded: row.to_refunded,
    stillUnknown: row.still,
    avgResolveHours: resolved ? Number(row.resolve_ms) / resolved / HOUR_MS : null,
  };
}

/** Customer refunds recorded per bucket, count and DZD (a decimal string). */
export async function refundSeries(db: Db, r: ReportRange): Promise<RefundPoint[]> {
  return refundsByBucket(db, inDeskTime(r));
}

/** Re-sends OneClick delivered, per bucket of when they were sent, and the refunds avoided. */
export async function recoveredSeries(db: Db, r: ReportRange): Promise<RecoveredPoint[]> {
  return recoveredByBucket(db, inDeskTime(r));
}
