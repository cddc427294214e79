import { describe, expect, it } from 'vitest';
import { parseReportRange } from './range';

const now = new Date('2026-11-27T23:30:00Z'); // 00:30 on the 28th in Algiers

describe('report ranges', () => {
  it('counts days in Algeria’s calendar: 23:30 UTC is already tomorrow there', () => {
    const r = parseReportRange({ range: 'today' }, now);
    expect(r).toMatchObject({ fromDay: '2026-11-28', toDay: '2026-11-28', granularity: 'hour' });
    expect(r.from.toISOString()).toBe('2026-11-27T23:00:00.000Z');
  });

  it('covers 90 whole days ending today for the 90-day preset', () => {
    const r = parseReportRange({ range: '90d' }, now);
    expect((r.to.getTime() - r.from.getTime()) / 86_400_000).toBe(90);
    expect(r.granularity).toBe('day');
  });

  it('falls back to days, and says so, when hourly points are asked for a long range', () => {
    expect(parseReportRange({ range: '30d', g: 'hour' }, now)).toMatchObject({
      granularity: 'day',
      notice: 'hourlyTooLong',
    });
  });

  it('refuses a custom range that ends before it starts', () => {
    expect(
      parseReportRange({ range: 'custom', from: '2026-11-20', to: '2026-11-10' }, now),
    ).toMatchObject({ preset: '30d', notice: 'badDates' });
  });
});
