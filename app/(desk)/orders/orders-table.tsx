'use client';

import {
  type ColumnVisibilityState,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { StatusBadge } from '@/components/status-badge';
import { buttonClass } from '@/components/ui/button';
import { TableScroll } from '@/components/ui/table-scroll';
import type { OrderRow } from '@/db/queries/orders-list';
import { useLocale, useT } from '@/lib/i18n/client';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatDzd } from '@/lib/i18n/money';
import {
  HIDEABLE_COLUMNS,
  type OrderFilters,
  orderFiltersToQuery,
  type SortKey,
  withoutCursor,
} from '@/lib/orders/filters';

type Row = Omit<OrderRow, 'upstreamCreatedAt' | 'statusChangedAt'> & {
  upstreamCreatedAt: string;
  statusChangedAt: string;
};

const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
const helper = createColumnHelper<typeof features, Row>();
/** Columns the server can sort by (each has an index for keyset pagination). */
const SORTABLE: Record<string, SortKey> = { created: 'created', amount: 'amount' };
const HIDEABLE = new Set<string>(HIDEABLE_COLUMNS);

export function OrdersTable({
  rows,
  filters,
  next,
  prev,
  first,
  exportHref,
}: {
  rows: Row[];
  filters: OrderFilters;
  next: string | null;
  prev: string | null;
  first: string | null;
  exportHref: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('topupId', {
          id: 'topupId',
          header: t('order.topupId'),
          enableSorting: false,
          cell: (c) => (
            <Link
              href={`/orders/${c.row.original.id}`}
              className="ltr-isolate font-mono text-xs text-primary underline-offset-2 hover:underline"
            >
              {c.getValue()}
            </Link>
          ),
        }),
        helper.accessor('ref', {
          id: 'ref',
          header: t('order.ref'),
          enableSorting: false,
          cell: (c) => <span className="ltr-isolate font-mono text-xs">{c.getValue() ?? '—'}</span>,
        }),
        helper.accessor('msisdn', {
          id: 'phone',
          header: t('order.phone'),
          enableSorting: false,
          cell: (c) => <span className="ltr-isolate">{c.getValue()}</span>,
        }),
        helper.accessor('status', {
          id: 'status',
          header: t('order.status'),
          enableSorting: false,
          cell: (c) => <StatusBadge status={c.getValue()} label={t(`status.${c.getValue()}`)} />,
        }),
        helper.accessor('topupAmount', {
          id: 'amount',
          header: t('order.amount'),
          cell: (c) => (
            <span className="ltr-isolate tabular-nums">
              {formatDzd(c.getValue(), locale, t('money.currency'))}
            </span>
          ),
        }),
        helper.accessor('operator', {
          id: 'operator',
          header: t('order.operator'),
          enableSorting: false,
        }),
        helper.accessor('planCode', {
          id: 'plan',
          header: t('order.plan'),
          enableSorting: false,
          cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span>,
        }),
        helper.accessor('source', {
          id: 'source',
          header: t('orders.source'),
          enableSorting: false,
          cell: (c) => t(`sources.${c.getValue()}`),
        }),
        helper.accessor('upstreamCreatedAt', {
          id: 'created',
          header: t('order.createdAt'),
          cell: (c) => formatDateTime(c.getValue(), locale),
        }),
        helper.accessor('statusChangedAt', {
          id: 'changed',
          header: t('order.statusChangedAt'),
          enableSorting: false,
          cell: (c) => formatDateTime(c.getValue(), locale),
        }),
      ]),
    [t, locale],
  );

  const sorting: SortingState = [{ id: filters.sort, desc: filters.dir === 'desc' }];
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(
    filters.hide.map((c) => [c, false]),
  );
  const go = (next: Partial<OrderFilters>) =>
    router.push(`/orders${orderFiltersToQuery({ ...withoutCursor(filters), ...next })}`);

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => {
      const value = typeof updater === 'function' ? updater(sorting) : updater;
      const sort = value[0];
      if (sort && SORTABLE[sort.id])
        go({ sort: SORTABLE[sort.id], dir: sort.desc ? 'desc' : 'asc' });
    },
    onColumnVisibilityChange: (updater) => {
      const value = typeof updater === 'function' ? updater(columnVisibility) : updater;
      const hide = HIDEABLE_COLUMNS.filter((c) => value[c] === false);
      router.replace(`/orders${orderFiltersToQuery({ ...filters, hide })}`, { scroll: false });
    },
  });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <details className="relative">
          <summary className={buttonClass('secondary', 'sm')}>{t('orders.columns')}</summary>
          <fieldset className="absolute z-10 mt-1 min-w-48 space-y-1 rounded-md border border-border bg-surface p-3 shadow-lg">
            <legend className="sr-only">{t('orders.columns')}</legend>
            {table
              .getAllLeafColumns()
              .filter((col) => HIDEABLE.has(col.id))
              .map((col) => (
                <label key={col.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={col.getIsVisible()}
                    onChange={col.getToggleVisibilityHandler()}
                  />
                  {typeof col.columnDef.header === 'string' ? col.columnDef.header : col.id}
                </label>
              ))}
          </fieldset>
        </details>
        {exportHref ? (
          <span className="flex flex-wrap items-center gap-3">
            <a
              href={exportHref}
              className={buttonClass('secondary', 'sm')}
              data-testid="export-csv"
            >
              {t('orders.export')}
            </a>
            <a
              href={`${exportHref}${exportHref.includes('?') ? '&' : '?'}headers=local`}
              className="text-sm text-primary underline"
            >
              {t('csv.localHeaders')}
            </a>
          </span>
        ) : null}
      </div>
      <TableScroll label={t('orders.title')}>
        <table className="w-full text-sm">
          <thead className="bg-muted">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortable = header.column.getCanSort();
                  const dir = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="whitespace-nowrap px-3 py-2 text-start font-medium"
                      aria-sort={dir ? (dir === 'desc' ? 'descending' : 'ascending') : undefined}
                    >
                      {sortable ? (
                        <button
                          type="button"
                          className="inline-flex items-center gap-1 hover:underline"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">
                            {dir === 'desc' ? '↓' : dir === 'asc' ? '↑' : '↕'}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className="cursor-pointer border-t border-border hover:bg-muted/60"
                onClick={() => router.push(`/orders/${row.original.id}`)}
                data-testid="order-row"
                data-order-id={row.original.id}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="whitespace-nowrap px-3 py-2">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="p-6 text-center text-muted-fg">
            {filters.phone ? t('orders.emptyPhone', { phone: filters.phone }) : t('orders.empty')}
          </p>
        ) : null}
      </TableScroll>
      <nav aria-label={t('orders.pagination')} className="flex flex-wrap gap-2">
        {first ? (
          <Link href={`/orders${first}`} className={buttonClass('ghost', 'sm')}>
            {t('orders.firstPage')}
          </Link>
        ) : null}
        {prev ? (
          <Link href={`/orders${prev}`} className={buttonClass('secondary', 'sm')} rel="prev">
            <span aria-hidden="true" className="rtl:rotate-180">
              ←
            </span>{' '}
            {t('orders.prev')}
          </Link>
        ) : null}
        {next ? (
          <Link href={`/orders${next}`} className={buttonClass('secondary', 'sm')} rel="next">
            {t('orders.next')}{' '}
            <span aria-hidden="true" className="inline-block rtl:rotate-180">
              →
            </span>
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
