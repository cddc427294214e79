// Part of the English reference catalogue (see ./index.ts): the reports' charts.
export const enCharts = {
  p50: 'Median (p50)',
  p95: '95th percentile (p95)',
  /** A duration on an axis, in a tooltip or a table: the number comes formatted. */
  seconds: '{value} s',
  hours: '{value} h',
  overAnHour: 'over 1 h',
  emptyUnknown: 'No order went through UNKNOWN_ERROR in this range.',
  emptyRefunds: 'No customer refunds recorded in this range.',
  emptyRecovered: 'No re-sent top-up was delivered in this range.',
  pointHint:
    'Click a point or a bar to open its orders. With the keyboard: focus the chart, move with the arrow keys and press Enter.',
  chartLabel: '{title}: chart',
  hoursInAlgeria: 'Hours are Algeria time.',
} as const;
