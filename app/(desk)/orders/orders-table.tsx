'use client';

import { type ColumnVisibilityState, type SortingState, useTable } from '@tanstack/react-table';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { DataTableView } from '@/components/data-table/data-table-view';
import { ExportLinks } from '@/components/data-table/export-links';
import { kitColumnHelper, kitFeatures } from '@/components/data-table/meta';
import { KeysetPagination } from '@/components/data-table/pagination';
import { StatusBadge } from '@/components/status-badge';
import type { OrderRow } from '@/db/queries/orders-list';
import { useLocale, useT } from '@/lib/i18n/client';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatDzd } from '@/lib/i18n/money';
import {
  HIDEABLE_COLUMNS,
  orderFiltersToQuery,
  type SortKey,
  withoutCursor,
} from '@/lib/orders/filter-query';
import type { OrderFilters } from '@/lib/orders/filters';
import { viewHref } from '@/lib/views/query';
import { orderColumnMeta } from './columns';

type Row = Omit<OrderRow, 'upstreamCreatedAt' | 'statusChangedAt'> & {
  upstreamCreatedAt: string;
  statusChangedAt: string;
};

const helper = kitColumnHelper<Row>();
/** Columns the server can sort by (each has an index for keyset pagination). */
const SORTABLE: Record<string, SortKey> = { created: 'created', amount: 'amount' };

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
  const columns = useMemo(() => {
    const meta = orderColumnMeta(t);
    return helper.columns([
      helper.accessor('topupId', {
        id: 'topupId',
        header: meta.topupId.label,
        meta: meta.topupId,
        cell: (c) => (
          <Link
            href={`/orders/${c.row.original.id}`}
            data-primary=""
            className="text-primary underline-offset-2 hover:underline"
          >
            {c.getValue()}
          </Link>
        ),
      }),
      helper.accessor('ref', {
        id: 'ref',
        header: meta.ref.label,
        meta: meta.ref,
        cell: (c) => c.getValue() ?? '—',
      }),
      helper.accessor('msisdn', { id: 'phone', header: meta.phone.label, meta: meta.phone }),
      helper.accessor('status', {
        id: 'status',
        header: meta.status.label,
        meta: meta.status,
        cell: (c) => <StatusBadge status={c.getValue()} label={t(`status.${c.getValue()}`)} />,
      }),
      helper.accessor('topupAmount', {
        id: 'amount',
        header: meta.amount.label,
        meta: meta.amount,
        enableSorting: true,
        cell: (c) => (
          <span className="tabular-nums">
            {formatDzd(c.getValue(), locale, t('money.currency'))}
          </span>
        ),
      }),
      helper.accessor('operator', {
        id: 'operator',
        header: meta.operator.label,
        meta: meta.operator,
      }),
      helper.accessor('planCode', { id: 'plan', header: meta.plan.label, meta: meta.plan }),
      helper.accessor('source', {
        id: 'source',
        header: meta.source.label,
        meta: meta.source,
        cell: (c) => t(`sources.${c.getValue()}`),
      }),
      helper.accessor('upstreamCreatedAt', {
        id: 'created',
        header: meta.created.label,
        meta: meta.created,
        enableSorting: true,
        cell: (c) => formatDateTime(c.getValue(), locale),
      }),
      helper.accessor('statusChangedAt', {
        id: 'changed',
        header: meta.changed.label,
        meta: meta.changed,
        cell: (c) => formatDateTime(c.getValue(), locale),
      }),
    ]);
  }, [t, locale]);

  const sorting: SortingState = [{ id: filters.sort, desc: filters.dir === 'desc' }];
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(
    filters.hide.map((c) => [c, false]),
  );
  const go = (next: Partial<OrderFilters>) =>
    router.push(viewHref(orderFiltersToQuery({ ...withoutCursor(filters), ...next })));

  // The server sorts (keyset paging over an index): only `created` and `amount` can be.
  const table = useTable({
    features: kitFeatures,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility },
    defaultColumn: { enableSorting: false },
    onSortingChange: (updater) => {
      const value = typeof updater === 'function' ? updater(sorting) : updater;
      const sort = value[0];
      if (sort && SORTABLE[sort.id])
        go({ sort: SORTABLE[sort.id], dir: sort.desc ? 'desc' : 'asc' });
    },
    onColumnVisibilityChange: (updater) => {
      const value = typeof updater === 'function' ? updater(columnVisibility) : updater;
      const hide = HIDEABLE_COLUMNS.filter((c) => value[c] === false);
      router.replace(viewHref(orderFiltersToQuery({ ...filters, hide })), { scroll: false });
    },
  });

  return (
    <div className="space-y-3">
      <DataTableView
        table={table}
        label={t('orders.title')}
        primary
        rowClickOpens
        columnMenu
        rowProps={(row) => ({ 'data-testid': 'order-row', 'data-order-id': row.id })}
        actions={
          exportHref ? (
            <ExportLinks
              href={exportHref}
              label={t('orders.export')}
              localHeadersLabel={t('csv.localHeaders')}
            />
          ) : null
        }
        empty={filters.phone ? t('orders.emptyPhone', { phone: filters.phone }) : t('orders.empty')}
      />
      <KeysetPagination
        label={t('table.pagination')}
        first={first ? `/orders${first}` : null}
        prev={prev ? `/orders${prev}` : null}
        next={next ? `/orders${next}` : null}
        labels={{
          first: t('table.firstPage'),
          prev: t('table.previousPage'),
          next: t('table.nextPage'),
        }}
      />
    </div>
  );
}
