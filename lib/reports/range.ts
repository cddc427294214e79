import type { Granularity, ReportRange } from './queries';

// The reports' date range from the URL: a preset (today, 7 d, 30 d, 90 d) or custom days, in
// Algeria's calendar. Hourly points are offered up to 14 days; beyond, days.

export const PRESETS = ['today', '7d', '30d', '90d', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];
const DAY = 86_400_000;
const ALGIERS = 3_600_000;
const MAX_HOURLY_DAYS = 14;
const MAX_DAYS = 366;

const midnight = (at: number) => {
  const local = at + ALGIERS;
  return local - (local % DAY) - ALGIERS;
};
const dayStart = (d: string) => Date.parse(`${d}T00:00:00+01:00`);
export const algiersDay = (at: Date) => new Date(at.getTime() + ALGIERS).toISOString().slice(0, 10);

export type ParsedRange = ReportRange & {
  preset: Preset;
  fromDay: string;
  toDay: string;
  notice: 'hourlyTooLong' | 'badDates' | null;
};

export function parseReportRange(
  params: Record<string, string | string[] | undefined>,
  now: Date,
): ParsedRange {
  const get = (k: string) => {
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  };
  let preset = (PRESETS as readonly string[]).includes(get('range') ?? '')
    ? (get('range') as Preset)
    : '30d';
  const today = midnight(now.getTime());
  let from = today - 29 * DAY;
  let to = today + DAY;
  let notice: ParsedRange['notice'] = null;
  if (preset === 'today') from = today;
  else if (preset === '7d') from = today - 6 * DAY;
  else if (preset === '90d') from = today - 89 * DAY;
  else if (preset === 'custom') {
    const f = /^\d{4}-\d{2}-\d{2}$/.test(get('from') ?? '')
      ? dayStart(get('from') ?? '')
      : Number.NaN;
    const t = /^\d{4}-\d{2}-\d{2}$/.test(get('to') ?? '')
      ? dayStart(get('to') ?? '') + DAY
      : Number.NaN;
    if (Number.isFinite(f) && Number.isFinite(t) && t > f && t - f <= MAX_DAYS * DAY) {
      from = f;
      to = t;
    } else {
      preset = '30d';
      notice = 'badDates';
    }
  }
  const days = (to - from) / DAY;
  let granularity: Granularity =
    get('g') === 'hour' || (get('g') === undefined && preset === 'today') ? 'hour' : 'day';
  if (granularity === 'hour' && days > MAX_HOURLY_DAYS) {
    granularity = 'day';
    notice = 'hourlyTooLong';
  }
  return {
    from: new Date(from),
    to: new Date(to),
    granularity,
    preset,
    fromDay: algiersDay(new Date(from)),
    toDay: algiersDay(new Date(to - DAY)),
    notice,
  };
}
