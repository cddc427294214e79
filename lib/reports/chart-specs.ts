import type { Db } from '../../db/client';
import type { Capability } from '../auth/roles';
import type { Key } from '../i18n';
import {
  heatmap,
  rateSeries,
  recoveredSeries,
  refundSeries,
  splitBy,
  ttfSeries,
  unknownSeries,
} from './charts';
import { settled } from './definitions';
import { bucketOrdersHref, ordersHref } from './links';
import type { ParsedRange } from './range';

// The reports page, as a list: each chart says what it loads, how it draws, what its table
// shows and where a point leads. One component (app/(desk)/reports/report-chart.tsx) renders
// any of them; adding a chart is adding an entry here.

export type Value = string | number | null;
/** One point of a chart: its bucket or category `key` and its figures by field. */
export type Point = { key: string; [field: string]: Value };

/** How a figure reads: 1,204 · 87.5 % · 14 s · 2.5 h · 12,400 DZD (DZD kept as a decimal string). */
export type ValueFormat = 'count' | 'percent' | 'seconds' | 'hours' | 'dzd';
/** A theme colour (a CSS variable --color-*), readable in light and dark mode. */
export type ColorToken = 'primary' | 'success' | 'warning' | 'danger';
/**
 * line: every series a line · stacked-bar: every series a bar, stacked · bar-line: the left
 * axis's series as (stacked) bars, the right axis's as lines · heatmap: a coloured grid of rates.
 */
export type ChartKind = 'line' | 'stacked-bar' | 'bar-line' | 'heatmap';

type Field<P> = Exclude<keyof P & string, 'key'>;

export type SeriesSpec<F extends string = string> = {
  field: F;
  label: Key;
  color: ColorToken;
  format: ValueFormat;
  axis?: 'left' | 'right';
};

/** A data-table column; `count` adds a count in brackets: "83.3% (10)". */
export type ColumnSpec<F extends string = string> = {
  header: Key;
  field: F;
  format: ValueFormat;
  count?: F;
};

export type ChartSpec<P extends Point = Point> = {
  id: string;
  title: Key;
  description: Key;
  empty: Key;
  /** Who sees it: roles whose grants include this (lib/auth/roles.ts `can`). */
  capability: Capability;
  width: 'full' | 'half';
  load: (db: Db, range: ParsedRange) => Promise<P[]>;
  kind: ChartKind;
  /** The points are the range's hours or days, or categories (bars laid sideways). */
  x: { type: 'period' } | { type: 'category'; header: Key; rowHeight: number };
  series: SeriesSpec<Field<P>>[];
  axis: { left: Key; right?: Key };
  columns: ColumnSpec<Field<P>>[];
  /** Where a point (and its table row) leads, or null when it leads nowhere. */
  link: ((point: P, range: ParsedRange) => string | null) | null;
  /** The chart's data-testid (the table's is `${id}-table`). */
  testId?: string;
};

/** Checks a chart's fields against what its loader returns, then joins the list. */
function defineChart<P extends Point>(spec: ChartSpec<P>): ChartSpec {
  return spec as unknown as ChartSpec;
}

const RATES: SeriesSpec<'fulfilledRate' | 'refundedRate' | 'unknownRate'>[] = [
  { field: 'fulfilledRate', label: 'reports.fulfilled', color: 'success', format: 'percent' },
  { field: 'refundedRate', label: 'reports.refunded', color: 'warning', format: 'percent' },
  { field: 'unknownRate', label: 'reports.unknown', color: 'danger', format: 'percent' },
];

const RATE_COLUMNS: ColumnSpec<
  'settled' | 'fulfilled' | 'fulfilledRate' | 'refundedRate' | 'unknownRate'
>[] = [
  { header: 'reports.settled', field: 'settled', format: 'count' },
  { header: 'reports.fulfilled', field: 'fulfilledRate', format: 'percent', count: 'fulfilled' },
  { header: 'reports.refunded', field: 'refundedRate', format: 'percent' },
  { header: 'reports.unknown', field: 'unknownRate', format: 'percent' },
];

/** Settled orders by operator or plan as stacked shares; a bar opens those orders. */
const split = (dim: 'operator' | 'plan', rowHeight: number) =>
  defineChart({
    id: `${dim}s`,
    title: dim === 'operator' ? 'reports.byOperator' : 'reports.byPlan',
    description: 'reports.splitHelp',
    empty: 'reports.empty',
    capability: 'reports:read',
    width: 'half',
    load: async (db, r) => (await splitBy(db, r, dim)).map((p) => ({ ...p, settled: settled(p) })),
    kind: 'stacked-bar',
    x: {
      type: 'category',
      header: dim === 'operator' ? 'order.operator' : 'order.plan',
      rowHeight,
    },
    series: RATES,
    axis: { left: 'reports.shareOfSettled' },
    columns: RATE_COLUMNS,
    link: (p, r) => ordersHref({ [dim]: p.key, from: r.fromDay, to: r.toDay }),
  });

export const HOURS_OF_DAY = Array.from({ length: 24 }, (_, h) => h);
/** One heatmap row per operator: `rate${h}` and `settled${h}` for each Algiers hour of the day. */
export type HeatRow = Point;

export const CHART_SPECS: readonly ChartSpec[] = [
  defineChart({
    id: 'rate',
    title: 'reports.rateTitle',
    description: 'reports.rateHelp',
    empty: 'reports.empty',
    capability: 'reports:read',
    width: 'full',
    load: async (db, r) => (await rateSeries(db, r)).map((p) => ({ ...p, settled: settled(p) })),
    kind: 'line',
    x: { type: 'period' },
    series: RATES,
    axis: { left: 'reports.shareOfSettled' },
    columns: RATE_COLUMNS,
    link: (p) => bucketOrdersHref(p.key, { tab: 'FULFILLED' }),
    testId: 'rate-chart',
  }),
  split('operator', 48),
  split('plan', 40),
  defineChart<HeatRow>({
    id: 'heatmap',
    title: 'reports.heatmapTitle',
    description: 'reports.heatmapHelp',
    empty: 'reports.empty',
    capability: 'reports:read',
    width: 'full',
    load: async (db, r) => {
      const rows = new Map<string, HeatRow>();
      for (const c of await heatmap(db, r)) {
        const row: HeatRow = rows.get(c.operator) ?? { key: c.operator };
        row[`rate${c.hourOfDay}`] = c.rate;
        row[`settled${c.hourOfDay}`] = c.settled;
        rows.set(c.operator, row);
      }
      return [...rows.values()];
    },
    kind: 'heatmap',
    x: { type: 'category', header: 'order.operator', rowHeight: 0 },
    series: [],
    axis: { left: 'reports.shareOfSettled' },
    // The grid is itself a table: no second one.
    columns: [],
    link: (p, r) => ordersHref({ operator: p.key, from: r.fromDay, to: r.toDay }),
    testId: 'heatmap',
  }),
  defineChart({
    id: 'ttf',
    title: 'reports.ttfTitle',
    description: 'reports.ttfHelp',
    empty: 'reports.empty',
    capability: 'reports:read',
    width: 'full',
    load: async (db, r) =>
      (await ttfSeries(db, r)).map((p) => ({
        key: p.key,
        settled: p.settled,
        p50: p.p50Ms === null ? null : p.p50Ms / 1000,
        // Beyond the last bucket: "over an hour" in the table, no point on the chart.
        p95: p.p95Ms === null ? null : p.p95Ms / 1000,
      })),
    kind: 'line',
    x: { type: 'period' },
    series: [
      { field: 'p50', label: 'charts.p50', color: 'primary', format: 'seconds' },
      { field: 'p95', label: 'charts.p95', color: 'warning', format: 'seconds' },
    ],
    axis: { left: 'reports.seconds' },
    columns: [
      { header: 'reports.settled', field: 'settled', format: 'count' },
      { header: 'charts.p50', field: 'p50', format: 'seconds' },
      { header: 'charts.p95', field: 'p95', format: 'seconds' },
    ],
    link: (p) => bucketOrdersHref(p.key),
  }),
  defineChart({
    id: 'unknown',
    title: 'reports.unknownTitle',
    description: 'reports.unknownHelp',
    empty: 'charts.emptyUnknown',
    capability: 'reports:read',
    width: 'full',
    load: async (db, r) => unknownSeries(db, r),
    kind: 'bar-line',
    x: { type: 'period' },
    series: [
      { field: 'toFulfilled', label: 'reports.toFulfilled', color: 'success', format: 'count' },
      { field: 'toRefunded', label: 'reports.toRefunded', color: 'warning', format: 'count' },
      { field: 'stillUnknown', label: 'reports.stillUnknown', color: 'danger', format: 'count' },
      {
        field: 'avgResolveHours',
        label: 'reports.avgResolve',
        color: 'primary',
        format: 'hours',
        axis: 'right',
      },
    ],
    axis: { left: 'reports.orders', right: 'reports.hours' },
    columns: [
      { header: 'reports.passedUnknown', field: 'passed', format: 'count' },
      { header: 'reports.toFulfilled', field: 'toFulfilled', format: 'count' },
      { header: 'reports.toRefunded', field: 'toRefunded', format: 'count' },
      { header: 'reports.stillUnknown', field: 'stillUnknown', format: 'count' },
      { header: 'reports.avgResolve', field: 'avgResolveHours', format: 'hours' },
    ],
    link: (p) => bucketOrdersHref(p.key),
  }),
  defineChart({
    id: 'refunds',
    title: 'reports.refundsTitle',
    description: 'reports.refundsHelp',
    empty: 'charts.emptyRefunds',
    capability: 'refunds:read',
    width: 'full',
    load: async (db, r) => refundSeries(db, r),
    kind: 'bar-line',
    x: { type: 'period' },
    series: [
      { field: 'refunds', label: 'reports.refundsCount', color: 'warning', format: 'count' },
      {
        field: 'amount',
        label: 'reports.refundsAmount',
        color: 'primary',
        format: 'dzd',
        axis: 'right',
      },
    ],
    axis: { left: 'reports.refundsCount', right: 'money.currency' },
    columns: [
      { header: 'reports.refundsCount', field: 'refunds', format: 'count' },
      { header: 'reports.refundsAmount', field: 'amount', format: 'dzd' },
    ],
    // Refunds are bucketed by when they were recorded, orders by when they were created: a
    // link to "that hour's orders" would show other orders. No link.
    link: null,
  }),
  defineChart({
    id: 'recovered',
    title: 'reports.recoveredTitle',
    description: 'reports.recoveredHelp',
    empty: 'charts.emptyRecovered',
    capability: 'reports:read',
    width: 'full',
    load: async (db, r) => recoveredSeries(db, r),
    kind: 'bar-line',
    x: { type: 'period' },
    series: [
      { field: 'recovered', label: 'reports.recovered', color: 'success', format: 'count' },
      {
        field: 'amount',
        label: 'reports.recoveredAmount',
        color: 'primary',
        format: 'dzd',
        axis: 'right',
      },
    ],
    axis: { left: 'reports.orders', right: 'money.currency' },
    columns: [
      { header: 'reports.recovered', field: 'recovered', format: 'count' },
      { header: 'reports.recoveredAmount', field: 'amount', format: 'dzd' },
    ],
    // Bucketed by when the re-send was made, not when the order was created: no link.
    link: null,
  }),
];
