import { describe, expect, it } from 'vitest';
import { dayRows, totalRow } from './summary';

describe('the per-day reconciliation table', () => {
  const rows = dayRows(
    '2026-03-08',
    '2026-03-10',
    [
      {
        day: '2026-03-08',
        count: 2,
        amount: '0.10',
        missingCount: 1,
        missingAmount: '0.10',
        oldestMissing: new Date('2026-03-08T10:00:00Z'),
      },
      {
        day: '2026-03-10',
        count: 1,
        amount: '0.20',
        missingCount: 1,
        missingAmount: '0.20',
        oldestMissing: new Date('2026-03-10T10:00:00Z'),
      },
    ],
    [{ day: '2026-03-09', count: 1, amount: '500', extraCount: 1, extraAmount: '500' }],
  );

  it('shows every day of the range, with zeros on a day nothing happened', () => {
    expect(rows.map((r) => r.day)).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
    expect(rows[1]?.refunded).toEqual({ count: 0, amount: '0.00' });
    expect(rows[1]?.missing).toEqual({ count: 0, amount: '0.00', oldest: null });
    expect(rows[1]?.extra).toEqual({ count: 1, amount: '500.00' });
  });

  it('totals the range exactly and keeps the oldest missing refund', () => {
    const total = totalRow(rows);
    expect(total.refunded).toEqual({ count: 3, amount: '0.30' });
    expect(total.missing).toEqual({
      count: 2,
      amount: '0.30',
      oldest: new Date('2026-03-08T10:00:00Z'),
    });
    expect(total.recorded).toEqual({ count: 1, amount: '500.00' });
  });
});
