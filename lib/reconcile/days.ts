import { addDays, algiersDate, spanDays } from '../time/algiers';
import { dayParam, readParams, type SearchParams } from '../url-state/params';

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
export function parseRange(params: SearchParams, now: Date): ReconcileRange {
  // The desk's one URL parser (lib/url-state/params.ts): a day that does not exist is dropped.
  const { values, ignored } = readParams(params, {
    from: dayParam(),
    to: dayParam(),
    day: dayParam(),
  });
  const adjusted: ReconcileRange['adjusted'] = [...ignored];
  const today = algiersDate(now);
  let to = values.to ?? today;
  let from = values.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) {
    [from, to] = [to, from];
    adjusted.push('range');
  }
  if (spanDays(from, to) > MAX_RANGE_DAYS) {
    from = addDays(to, -(MAX_RANGE_DAYS - 1));
    adjusted.push('range');
  }
  const day = values.day ?? today;
  return { from, to, day, adjusted };
}

/** The URL query of a range (and the ledger day), for links that keep the page's state. */
export function rangeQuery(range: Pick<ReconcileRange, 'from' | 'to' | 'day'>): string {
  return new URLSearchParams({ from: range.from, to: range.to, day: range.day }).toString();
}
