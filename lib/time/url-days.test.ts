import { describe, expect, it } from 'vitest';
import { parseOrderFilters } from '../orders/filters';
import { parseRange } from '../reconcile/days';
import { parseReportRange } from '../reports/range';

// A day typed in a URL means the same thing on every page: the orders list, reconciliation
// and the reports all read it with lib/time/algiers.ts `parseDay`.

const now = new Date('2025-03-10T12:00:00Z');

describe('a day in the URL, on every page', () => {
  it('2025-02-30 does not exist: the orders list drops the filter and says so', () => {
    const { filters, ignored } = parseOrderFilters({ from: '2025-02-30', to: '2025-03-05' });
    expect(filters.from).toBeUndefined();
    expect(filters.to).toBe('2025-03-05');
    expect(ignored).toEqual(['from']);
  });

  it('2025-02-30 does not exist: reconciliation falls back to its default start and says so', () => {
    const range = parseRange({ from: '2025-02-30', to: '2025-03-05' }, now);
    expect(range.from).toBe('2025-02-20');
    expect(range.adjusted).toEqual(['from']);
  });

  it('2025-02-30 does not exist: the reports refuse the custom range and say so', () => {
    const range = parseReportRange({ range: 'custom', from: '2025-02-26', to: '2025-02-30' }, now);
    expect(range).toMatchObject({ preset: '30d', notice: 'badDates' });
  });

  it('2024-02-29 exists (a leap day) and every page takes it as typed', () => {
    const orders = parseOrderFilters({ from: '2024-02-29', to: '2024-02-29' });
    expect(orders.filters).toMatchObject({ from: '2024-02-29', to: '2024-02-29' });
    expect(orders.ignored).toEqual([]);

    expect(parseRange({ from: '2024-02-29', to: '2024-03-01', day: '2024-02-29' }, now)).toEqual({
      from: '2024-02-29',
      to: '2024-03-01',
      day: '2024-02-29',
      adjusted: [],
    });

    const report = parseReportRange({ range: 'custom', from: '2024-02-29', to: '2024-02-29' }, now);
    expect(report).toMatchObject({
      preset: 'custom',
      fromDay: '2024-02-29',
      toDay: '2024-02-29',
      notice: null,
    });
    expect(report.from.toISOString()).toBe('2024-02-28T23:00:00.000Z');
    expect(report.to.toISOString()).toBe('2024-02-29T23:00:00.000Z');
  });
});
