import { z } from 'zod';

// Finance thinks in Algiers calendar days. Algeria is UTC+1 all year (no daylight saving), so
// a day is [D 00:00+01:00, D+1 00:00+01:00) — the same rule as `orderWhere` in the orders list,
// which makes a date typed here mean the same instants as one typed there.

const OFFSET_MS = 3_600_000;
const DAY_MS = 86_400_000;
export const DEFAULT_RANGE_DAYS = 14;
export const MAX_RANGE_DAYS = 62;

/** The Algiers calendar date of an instant, as YYYY-MM-DD. */
export function algiersDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant of an Algiers day. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included, oldest first. */
export function daysIn(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Days from `from` to `to`, both included (counted, not listed: the input may span years). */
export function spanDays(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
}

const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const ms = Date.parse(`${s}T00:00:00Z`);
    // 2025-02-30 parses in some engines; only a date that prints back the same is real.
    return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(s);
  });

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
    const parsed = dateOnly.safeParse(value);
    if (parsed.success) return parsed.data;
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
