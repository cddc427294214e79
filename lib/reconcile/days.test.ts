import { describe, expect, it } from 'vitest';
import { addDays, algiersDate, dayStart, daysIn, parseRange, spanDays } from './days';

const now = new Date('2026-03-10T12:00:00Z');

describe('reconciliation days (Algiers, UTC+1)', () => {
  it('starts a day at midnight Algiers time, 23:00 UTC the evening before', () => {
    expect(dayStart('2026-03-10').toISOString()).toBe('2026-03-09T23:00:00.000Z');
    expect(algiersDate(new Date('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
    expect(algiersDate(new Date('2026-03-09T22:59:59Z'))).toBe('2026-03-09');
  });

  it('shows the last 14 days up to today, and matches today’s ledger, by default', () => {
    expect(parseRange({}, now)).toEqual({
      from: '2026-02-25',
      to: '2026-03-10',
      day: '2026-03-10',
      adjusted: [],
    });
  });

  it('counts "today" in Algiers: at 23:30 UTC it is already the next day', () => {
    expect(parseRange({}, new Date('2026-03-10T23:30:00Z')).day).toBe('2026-03-11');
  });

  it('caps a range at 62 days, keeping the end the clerk chose, and says so', () => {
    const r = parseRange({ from: '2025-01-01', to: '2026-03-10' }, now);
    expect(spanDays(r.from, r.to)).toBe(62);
    expect(r.to).toBe('2026-03-10');
    expect(r.adjusted).toContain('range');
  });

  it('swaps a reversed range and drops a date that does not exist', () => {
    expect(parseRange({ from: '2026-03-05', to: '2026-03-01' }, now)).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-05',
      adjusted: ['range'],
    });
    expect(parseRange({ day: '2026-02-30' }, now)).toMatchObject({
      day: '2026-03-10',
      adjusted: ['day'],
    });
  });

  it('lists every day of a range, across a month end', () => {
    expect(daysIn('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
