import type { DayOfRecorded, DayOfRefunded } from '../../db/queries/reconcile';
import { sumAmounts } from '../money';
import { daysIn } from '../time/algiers';

// The per-day table: every day of the range gets a row (a day with nothing is a finding too:
// "zero refunds recorded on a day OneClick refunded 12"), plus a totals row summed exactly.

export type Figure = { count: number; amount: string };

export type DayRow = {
  day: string;
  /** Orders that became REFUNDED on the day (our clock) and still are: Σ balance_amount. */
  refunded: Figure;
  /** Approved customer refunds recorded on the day: Σ refunds.amount. */
  recorded: Figure;
  /** Of `refunded`, those with no approved customer refund yet; `oldest` = earliest REFUNDED time. */
  missing: Figure & { oldest: Date | null };
  /** Of `recorded`, those whose order is not REFUNDED now: Σ refunds.amount. */
  extra: Figure;
};

/** Per-day rows as the queries return them (days with nothing are absent). */
export type RefundedDay = DayOfRefunded;
export type RecordedDay = DayOfRecorded;

const figure = (count = 0, amount: string | null = null): Figure => ({
  count,
  amount: sumAmounts([amount]),
});

export function dayRows(
  from: string,
  to: string,
  refunded: readonly RefundedDay[],
  recorded: readonly RecordedDay[],
): DayRow[] {
  const byRefunded = new Map(refunded.map((r) => [r.day, r]));
  const byRecorded = new Map(recorded.map((r) => [r.day, r]));
  return daysIn(from, to).map((day) => {
    const a = byRefunded.get(day);
    const b = byRecorded.get(day);
    return {
      day,
      refunded: figure(a?.count, a?.amount),
      recorded: figure(b?.count, b?.amount),
      missing: { ...figure(a?.missingCount, a?.missingAmount), oldest: a?.oldestMissing ?? null },
      extra: figure(b?.extraCount, b?.extraAmount),
    };
  });
}

export function totalRow(rows: readonly DayRow[]): Omit<DayRow, 'day'> {
  const total = (pick: (r: DayRow) => Figure): Figure => ({
    count: rows.reduce((n, r) => n + pick(r).count, 0),
    amount: sumAmounts(rows.map((r) => pick(r).amount)),
  });
  const oldest = rows
    .map((r) => r.missing.oldest)
    .filter((d): d is Date => d !== null)
    .reduce<Date | null>((min, d) => (!min || d < min ? d : min), null);
  return {
    refunded: total((r) => r.refunded),
    recorded: total((r) => r.recorded),
    missing: { ...total((r) => r.missing), oldest },
    extra: total((r) => r.extra),
  };
}
