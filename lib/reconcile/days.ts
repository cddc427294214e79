import { addDays, algiersDate, parseDay, spanDays } from '../time/algiers';

// Finance thinks in Algiers calendar days (lib/time/algiers.ts): a date typed here means the
// same instants as one typed in the orders list or the reports.

export const DEFAULT_RANGE_DAYS = 14;
export const MAX_RANGE_DAYS = 62;

export type ReconcileRange = {
  from: string;
  to: string;
  /** The day whose upstream ledger is matched (one day: the ledger is fetched live). */
  day: string;
  /** Parameters that were dropped or changed, to say so on screen rather than guess quietly. */
  adjusted: ('from' | 'to' | 'day' | 'range')[];
};

/** Reads `from`, `to` and `day` from the URL; bad values fall back to the defaults. */
export function parseRange(
  params: Record<string, string | string[] | undefined>,
  now: Date,
): ReconcileRange {
  const adjusted: ReconcileRange['adjusted'] = [];
  const read = (key: 'from' | 'to' | 'day') => {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === '') return undefined;
    const day = parseDay(value);
    if (day) return day;
    adjusted.push(key);
    return undefined;
  };
  const today = algiersDate(now);
  let to = read('to') ?? today;
  let from = read('from') ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) {
    [from, to] = [to, from];
    adjusted.push('range');
  }
  if (spanDays(from, to) > MAX_RANGE_DAYS) {
    from = addDays(to, -(MAX_RANGE_DAYS - 1));
    adjusted.push('range');
  }
  const day = read('day') ?? today;
  return { from, to, day, adjusted };
}

/** The URL query of a range (and the ledger day), for links that keep the page's state. */
export function rangeQuery(range: Pick<ReconcileRange, 'from' | 'to' | 'day'>): string {
  return new URLSearchParams({ from: range.from, to: range.to, day: range.day }).toString();
}
