'use client';

import { type ColumnVisibilityState, type SortingState, useTable } from '@tanstack/react-table';
import { type ReactNode, useMemo, useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatDzd } from '@/lib/i18n/money';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import { toCents } from '@/lib/money';
import { cellClass, DataTableView, type RowProps } from './data-table-view';
import { type DataColumnMeta, kitColumnHelper, kitFeatures } from './meta';

// A list whose rows the server already has (or a chart's figures): columns and rows as plain
// data, so a server component can pass them; sorted in the browser, formatted in the person's
// locale. Rendered cells (links, badges, buttons) may replace a value's text.

export type CellValue = string | number | null;

export type StaticColumn = Omit<DataColumnMeta, 'filter'> & {
  id: string;
  /**
   * How a value is shown and sorted: text as-is; numbers and percentages (a ratio, 0.95) in the
   * person's digits; amounts (DZD decimal strings) with formatDzd; instants (ISO strings) in
   * Algiers time.
   */
  kind?: 'text' | 'number' | 'percent' | 'amount' | 'datetime';
  /** false: never sorted (the default follows the table's `sortable`). */
  sortable?: boolean;
};

export type StaticRow = {
  id: string;
  /** Raw values by column id: formatted by the column's kind, and what sorting compares. */
  values?: Record<string, CellValue>;
  /** Rendered cells by column id, shown instead of the formatted value. */
  cells?: Record<string, ReactNode>;
  /** Row attributes (data-testid, data-*) and classes. */
  props?: RowProps;
};

function compare(kind: StaticColumn['kind'], a: CellValue, b: CellValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (kind === 'amount') {
    const [x, y] = [toCents(String(a)) ?? 0n, toCents(String(b)) ?? 0n];
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

const helper = kitColumnHelper<StaticRow>();

export function DataTable({
  columns,
  rows,
  footer,
  label,
  caption,
  captionHidden,
  testId,
  sortable = true,
  initialSort,
  columnMenu = false,
  primary = false,
  rowClickOpens = false,
  empty,
  actions,
}: {
  columns: StaticColumn[];
  rows: StaticRow[];
  /** Totals, rendered in <tfoot> with the same columns. */
  footer?: StaticRow[];
  label: string;
  caption?: string;
  captionHidden?: boolean;
  testId?: string;
  sortable?: boolean;
  initialSort?: { id: string; desc?: boolean };
  columnMenu?: boolean;
  primary?: boolean;
  rowClickOpens?: boolean;
  empty?: ReactNode;
  actions?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const [sorting, setSorting] = useState<SortingState>(
    initialSort ? [{ id: initialSort.id, desc: initialSort.desc ?? false }] : [],
  );
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});

  const show = useMemo(
    () =>
      (column: StaticColumn, row: StaticRow): ReactNode => {
        const rendered = row.cells?.[column.id];
        if (rendered !== undefined) return rendered;
        const value = row.values?.[column.id];
        if (value === null || value === undefined) return '—';
        switch (column.kind) {
          case 'number':
            return typeof value === 'number' ? formatNumber(value, locale) : value;
          case 'percent':
            return typeof value === 'number' ? formatPercent(value, locale) : value;
          case 'amount':
            return formatDzd(String(value), locale, t('money.currency'));
          case 'datetime':
            return formatDateTime(String(value), locale);
          default:
            return value;
        }
      },
    [locale, t],
  );

  const defs = useMemo(
    () =>
      helper.columns(
        columns.map((column) =>
          helper.accessor((row) => row.values?.[column.id] ?? null, {
            id: column.id,
            header: column.label,
            meta: column,
            enableSorting:
              column.sortable ?? (sortable && rows.some((r) => r.values?.[column.id] != null)),
            enableHiding: Boolean(column.hideable),
            sortFn: (a, b, id) =>
              compare(column.kind, a.getValue<CellValue>(id), b.getValue<CellValue>(id)),
            cell: (c) => show(column, c.row.original),
          }),
        ),
      ),
    [columns, rows, sortable, show],
  );

  const table = useTable({
    features: kitFeatures,
    columns: defs,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, columnVisibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setColumnVisibility,
  });

  const visible = columns.filter((c) => columnVisibility[c.id] !== false);
  return (
    <DataTableView
      table={table}
      label={label}
      caption={caption}
      captionHidden={captionHidden}
      testId={testId}
      primary={primary}
      rowClickOpens={rowClickOpens}
      columnMenu={columnMenu}
      actions={actions}
      empty={empty}
      rowProps={(row) => row.props ?? {}}
      footer={
        footer?.length ? (
          <tfoot className="border-t-2 border-border bg-muted font-medium">
            {footer.map((row) => (
              <tr key={row.id} {...row.props}>
                {visible.map((column) =>
                  column.rowHeader ? (
                    <th key={column.id} scope="row" className={cellClass(column)}>
                      {show(column, row)}
                    </th>
                  ) : (
                    <td key={column.id} className={cellClass(column)}>
                      {show(column, row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tfoot>
        ) : undefined
      }
    />
  );
}
