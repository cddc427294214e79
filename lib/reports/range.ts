import { addDays, algiersDate, daySpan, spanDays } from '../time/algiers';
import { dayParam, enumParam, readParams, type SearchParams } from '../url-state/params';
import type { Granularity, ReportRange } from './charts';

// The reports' date range from the URL: a preset (today, 7 d, 30 d, 90 d) or custom days, in
// Algeria's calendar (lib/time/algiers.ts). Hourly points are offered up to 14 days; beyond, days.

export const PRESETS = ['today', '7d', '30d', '90d', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];
const MAX_HOURLY_DAYS = 14;
const MAX_DAYS = 366;
/** Days a preset covers, today included. */
const PRESET_DAYS = { today: 1, '7d': 7, '30d': 30, '90d': 90 } as const;
/** Read by the desk's one URL parser (lib/url-state/params.ts). */
const FIELDS = {
  range: enumParam(PRESETS),
  from: dayParam(),
  to: dayParam(),
  g: enumParam(['hour', 'day']),
} as const;

export type ParsedRange = ReportRange & {
  preset: Preset;
  fromDay: string;
  toDay: string;
  notice: 'hourlyTooLong' | 'badDates' | null;
};

export function parseReportRange(params: SearchParams, now: Date): ParsedRange {
  const { values } = readParams(params, FIELDS);
  let preset: Preset = values.range ?? '30d';
  let notice: ParsedRange['notice'] = null;
  const today = algiersDate(now);
  let toDay = today;
  let fromDay = addDays(today, 1 - PRESET_DAYS['30d']);
  if (preset !== 'custom') fromDay = addDays(today, 1 - PRESET_DAYS[preset]);
  else {
    const { from, to } = values;
    if (from && to && from <= to && spanDays(from, to) <= MAX_DAYS) {
      fromDay = from;
      toDay = to;
    } else {
      preset = '30d';
      notice = 'badDates';
    }
  }
  const days = spanDays(fromDay, toDay);
  let granularity: Granularity =
    values.g === 'hour' || (values.g === undefined && preset === 'today') ? 'hour' : 'day';
  if (granularity === 'hour' && days > MAX_HOURLY_DAYS) {
    granularity = 'day';
    notice = 'hourlyTooLong';
  }
  return { ...daySpan(fromDay, toDay), granularity, preset, fromDay, toDay, notice };
}
