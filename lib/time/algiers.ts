// The desk's calendar, in one place. Finance, the reports and the orders list all think in
// Algiers days: Algeria is UTC+1 all year (no daylight saving since 1981), so a desk day D is
// [D 00:00+01:00, D+1 00:00+01:00), every day is 24 hours long, and "the hour of the day" is
// Algeria's. Whatever turns a typed day into instants, or an instant into a day or an hour,
// asks this module; SQL under db/ receives the instants or DESK_TIME_ZONE from its caller.
// Pure and client-safe: no server-only imports.

/** The IANA name: for Intl date formatting and Postgres `at time zone` (a bound parameter). */
export const DESK_TIME_ZONE = 'Africa/Algiers';
/** The same zone as an ISO offset; Africa/Algiers has had no other offset since 1981. */
export const DESK_UTC_OFFSET = '+01:00';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = HOUR_MS;

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day as typed in a URL or a form: YYYY-MM-DD naming a real calendar date, else null.
 * "2025-02-30" is null (JavaScript's Date would quietly read it as 2 March); "2024-02-29" is a day.
 */
export function parseDay(text: string | null | undefined): string | null {
  if (typeof text !== 'string' || !DAY_SHAPE.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  // Only a date that prints back the same is real.
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text) ? text : null;
}

/** The desk day (YYYY-MM-DD) an instant falls in. */
export function algiersDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Algeria's hour of the day (0–23) at an instant. */
export function hourOfDay(instant: Date): number {
  return Math.floor((instant.getTime() + OFFSET_MS) / HOUR_MS) % 24;
}

/** The first instant of a desk day: 23:00 UTC the evening before. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

/** The day `n` days after (or before, for negative `n`) a day. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function nextDay(day: string): string {
  return addDays(day, 1);
}

/** The instants of the days `from` to `to`, both included: [start of `from`, start of the day after `to`). */
export function daySpan(from: string, to: string = from): { from: Date; to: Date } {
  return { from: dayStart(from), to: dayStart(nextDay(to)) };
}

/** Every day from `from` to `to`, both included, oldest first. */
export function daysIn(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDay(d)) out.push(d);
  return out;
}

/** Days from `from` to `to`, both included (counted, not listed: the input may span years). */
export function spanDays(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
}

const WALL_TIME_SHAPE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * A wall-clock minute in Algeria as typed in a URL (YYYY-MM-DDTHH:mm) → its instant, else null.
 * "2026-11-29T14:00" is 13:00 UTC; a date that does not exist or an hour past 23 is null.
 */
export function parseWallTime(text: string | null | undefined): Date | null {
  const match = typeof text === 'string' ? WALL_TIME_SHAPE.exec(text) : null;
  if (!match?.[1] || !parseDay(match[1])) return null;
  return new Date(
    dayStart(match[1]).getTime() + Number(match[2]) * HOUR_MS + Number(match[3]) * 60_000,
  );
}

/** A bound typed in a URL: a whole desk day, or a wall-clock minute. */
export type DayOrTime = { kind: 'day'; day: string } | { kind: 'time'; instant: Date };

export function parseDayOrTime(text: string | null | undefined): DayOrTime | null {
  const day = parseDay(text);
  if (day) return { kind: 'day', day };
  const instant = parseWallTime(text);
  return instant ? { kind: 'time', instant } : null;
}

/**
 * The instants a `from`/`to` pair means, [from, to): a day `from` starts at its midnight, a day
 * `to` is included whole (it ends at the next midnight); a minute is taken as it is, so
 * `to=…T15:00` stops just before 15:00.
 */
export function boundsOf(
  from?: DayOrTime | null,
  to?: DayOrTime | null,
): { from?: Date; to?: Date } {
  return {
    from: !from ? undefined : from.kind === 'day' ? dayStart(from.day) : from.instant,
    to: !to ? undefined : to.kind === 'day' ? dayStart(nextDay(to.day)) : to.instant,
  };
}
