import { describe, expect, it } from 'vitest';
import {
  addDays,
  algiersDate,
  DESK_TIME_ZONE,
  DESK_UTC_OFFSET,
  daySpan,
  dayStart,
  daysIn,
  hourOfDay,
  nextDay,
  parseDay,
  spanDays,
} from './algiers';

describe('the desk day (Algiers, UTC+1 all year)', () => {
  it('starts a day at midnight Algiers time, 23:00 UTC the evening before', () => {
    expect(dayStart('2026-03-10').toISOString()).toBe('2026-03-09T23:00:00.000Z');
    expect(algiersDate(new Date('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
    expect(algiersDate(new Date('2026-03-09T22:59:59Z'))).toBe('2026-03-09');
  });

  it('covers a range of days as [first midnight, the midnight after the last day)', () => {
    expect(daySpan('2026-03-10')).toEqual({
      from: new Date('2026-03-09T23:00:00Z'),
      to: new Date('2026-03-10T23:00:00Z'),
    });
    expect(daySpan('2026-02-27', '2026-03-01').to.toISOString()).toBe('2026-03-01T23:00:00.000Z');
  });

  it('puts 00:30 in Algiers, still the evening before in UTC, at hour 0 of the new day', () => {
    const at = new Date('2026-11-20T23:30:00Z');
    expect(hourOfDay(at)).toBe(0);
    expect(algiersDate(at)).toBe('2026-11-21');
    expect(daySpan(algiersDate(at)).from.toISOString()).toBe('2026-11-20T23:00:00.000Z');
    expect(hourOfDay(new Date('2026-11-20T22:59:59Z'))).toBe(23);
  });

  it('lists and counts every day of a range, across a month and a year end', () => {
    expect(daysIn('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(spanDays('2026-02-27', '2026-03-02')).toBe(4);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('agrees with the time zone the dates are shown in, in summer and winter alike', () => {
    const clock = new Intl.DateTimeFormat('en-CA', {
      timeZone: DESK_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    for (const iso of ['2026-01-15T23:30:00Z', '2026-07-15T22:59:00Z', '2026-03-29T00:10:00Z']) {
      const at = new Date(iso);
      const parts = Object.fromEntries(clock.formatToParts(at).map((p) => [p.type, p.value]));
      expect(`${parts.year}-${parts.month}-${parts.day}`).toBe(algiersDate(at));
      expect(Number(parts.hour)).toBe(hourOfDay(at));
      expect(dayStart(algiersDate(at)).getTime()).toBe(
        Date.parse(`${algiersDate(at)}T00:00:00${DESK_UTC_OFFSET}`),
      );
    }
  });
});

describe('a day typed in a URL', () => {
  it('is a real calendar date written YYYY-MM-DD', () => {
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('2026-12-31')).toBe('2026-12-31');
  });

  it('is refused when the date does not exist or is written another way', () => {
    for (const text of [
      '2025-02-30',
      '2025-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-3-1',
      '2026-03-01T00:00',
      ' 2026-03-01',
      '',
      'today',
    ])
      expect(parseDay(text), text).toBeNull();
    expect(parseDay(undefined)).toBeNull();
  });
});
