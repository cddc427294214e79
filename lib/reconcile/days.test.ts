import { describe, expect, it } from 'vitest';
import { spanDays } from '../time/algiers';
import { parseRange } from './days';

const now = new Date('2026-03-10T12:00:00Z');

// The day rule itself (midnight, days in a range) is tested with lib/time/algiers.ts.
describe('reconciliation days (Algiers, UTC+1)', () => {
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
});
