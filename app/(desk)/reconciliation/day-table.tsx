import Link from 'next/link';
import { DataTable, type StaticRow } from '@/components/data-table/data-table';
import { type ReconcileRange, rangeQuery } from '@/lib/reconcile/days';
import type { DayRow } from '@/lib/reconcile/summary';
import { age, Figure, type Fmt, Ltr } from './parts';

const FIGURES = ['refunded', 'recorded', 'missing', 'extra'] as const;

/**
 * One row per Algiers day, newest first (sortable by any figure). A count links to the list of
 * those orders: the day's own lists on this page (the orders list filters by creation day,
 * which is not the day an order became REFUNDED, so its counts would not match these).
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
  const LINKED = {
    refunded: 'refunded-list',
    missing: 'missing-list',
    extra: 'extra-list',
  } as const;
  const figures = (r: Omit<DayRow, 'day'>, day?: string): StaticRow['cells'] =>
    Object.fromEntries(
      FIGURES.map((f) => {
        const list = f === 'recorded' ? undefined : LINKED[f];
        return [
          f,
          <Figure key={f} fmt={fmt} {...r[f]} href={day && list ? at(day, list) : undefined} />,
        ];
      }),
    );
  const danger = (n: number) => (n ? 'text-danger-fg' : '');
  return (
    <DataTable
      label={t('reconcile.table', { name: t('reconcile.perDay') })}
      testId="reconcile-days"
      initialSort={{ id: 'day', desc: true }}
      columns={[
        { id: 'day', label: t('reconcile.col.day'), rowHeader: true },
        ...FIGURES.flatMap((f) => [
          { id: f, label: t(`reconcile.col.${f}`), kind: 'number' as const },
          ...(f === 'missing'
            ? [{ id: 'oldest', label: t('reconcile.col.oldest'), sortable: false }]
            : []),
        ]),
      ]}
      rows={rows.map((r) => ({
        id: r.day,
        props: {
          'data-day': r.day,
          className: r.day === range.day ? 'bg-info/10' : undefined,
        },
        values: {
          day: r.day,
          refunded: r.refunded.count,
          recorded: r.recorded.count,
          missing: r.missing.count,
          extra: r.extra.count,
        },
        cells: {
          day: (
            <Link
              href={at(r.day, 'ledger')}
              className="text-primary underline underline-offset-2"
              aria-label={t('reconcile.openDay', { day: r.day })}
              aria-current={r.day === range.day ? 'true' : undefined}
              data-primary=""
            >
              <Ltr>{r.day}</Ltr>
            </Link>
          ),
          ...figures(r, r.day),
          missing: (
            <span className={danger(r.missing.count)}>
              <Figure fmt={fmt} {...r.missing} href={at(r.day, 'missing-list')} />
            </span>
          ),
          extra: (
            <span className={danger(r.extra.count)}>
              <Figure fmt={fmt} {...r.extra} href={at(r.day, 'extra-list')} />
            </span>
          ),
          oldest: age(fmt, r.missing.oldest, now),
        },
      }))}
      footer={[
        {
          id: 'total',
          cells: {
            day: t('reconcile.total'),
            ...figures(total),
            oldest: age(fmt, total.missing.oldest, now),
          },
        },
      ]}
    />
  );
}
