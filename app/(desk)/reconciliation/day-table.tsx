import Link from 'next/link';
import { TableScroll } from '@/components/ui/table-scroll';
import { type ReconcileRange, rangeQuery } from '@/lib/reconcile/days';
import type { DayRow } from '@/lib/reconcile/summary';
import { age, Figure, type Fmt, Ltr } from './parts';

const COLUMNS = ['day', 'refunded', 'recorded', 'missing', 'oldest', 'extra'] as const;

/**
 * One row per Algiers day. A count links to the list of those orders: the day's own lists on
 * this page (the orders list filters by creation day, which is not the day an order became
 * REFUNDED, so its counts would not match these).
 */
export function DayTable({
  fmt,
  range,
  rows,
  total,
  now,
}: {
  fmt: Fmt;
  range: ReconcileRange;
  rows: DayRow[];
  total: Omit<DayRow, 'day'>;
  now: Date;
}) {
  const { t } = fmt;
  const at = (day: string, list: string) =>
    `/reconciliation?${rangeQuery({ ...range, day })}#${list}`;
  const cell = 'whitespace-nowrap px-3 py-1.5';
  return (
    <TableScroll label={t('reconcile.table', { name: t('reconcile.perDay') })}>
      <table className="w-full text-sm" data-testid="reconcile-days">
        <thead className="bg-muted">
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c}
                scope="col"
                className="whitespace-nowrap px-3 py-2 text-start font-medium"
              >
                {t(`reconcile.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...rows].reverse().map((r) => (
            <tr
              key={r.day}
              className={`border-t border-border ${r.day === range.day ? 'bg-info/10' : ''}`}
              data-day={r.day}
            >
              <th scope="row" className={`${cell} text-start font-medium`}>
                <Link
                  href={at(r.day, 'ledger')}
                  className="text-primary underline underline-offset-2"
                  aria-label={t('reconcile.openDay', { day: r.day })}
                  aria-current={r.day === range.day ? 'true' : undefined}
                >
                  <Ltr>{r.day}</Ltr>
                </Link>
              </th>
              <td className={cell}>
                <Figure fmt={fmt} {...r.refunded} href={at(r.day, 'refunded-list')} />
              </td>
              <td className={cell}>
                <Figure fmt={fmt} {...r.recorded} />
              </td>
              <td className={`${cell} ${r.missing.count ? 'text-danger-fg' : ''}`}>
                <Figure fmt={fmt} {...r.missing} href={at(r.day, 'missing-list')} />
              </td>
              <td className={cell}>{age(fmt, r.missing.oldest, now)}</td>
              <td className={`${cell} ${r.extra.count ? 'text-danger-fg' : ''}`}>
                <Figure fmt={fmt} {...r.extra} href={at(r.day, 'extra-list')} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-border bg-muted font-medium">
          <tr>
            <th scope="row" className={`${cell} text-start`}>
              {t('reconcile.total')}
            </th>
            <td className={cell}>
              <Figure fmt={fmt} {...total.refunded} />
            </td>
            <td className={cell}>
              <Figure fmt={fmt} {...total.recorded} />
            </td>
            <td className={cell}>
              <Figure fmt={fmt} {...total.missing} />
            </td>
            <td className={cell}>{age(fmt, total.missing.oldest, now)}</td>
            <td className={cell}>
              <Figure fmt={fmt} {...total.extra} />
            </td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
