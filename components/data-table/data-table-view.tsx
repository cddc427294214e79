'use client';

import type {
  CellContext,
  Column,
  Header,
  ReactTable,
  Row as Row_,
  RowData,
} from '@tanstack/react-table';
import { type ReactNode, useRef } from 'react';
import { cn } from '@/components/ui/cn';
import { TableScroll } from '@/components/ui/table-scroll';
import { useT } from '@/lib/i18n/client';
import { ColumnMenu } from './column-menu';
import type { DataColumnMeta, KitFeatures } from './meta';
import { primaryLink, useRowKeys } from './use-row-keys';

export type RowProps = {
  className?: string;
  'data-testid'?: string;
} & { [data: `data-${string}`]: string | number | undefined };

/**
 * The classes a column's meta asks for, on its header and its cells alike. Padding and the
 * start alignment every cell shares are set once for the table (`.kit-table` in
 * app/globals.css), not written into each of a page's hundreds of cells.
 */
export function cellClass(meta: DataColumnMeta | undefined): string | undefined {
  if (meta?.align === 'end')
    return meta.mono ? 'text-end tabular-nums font-mono text-xs' : 'text-end tabular-nums';
  return meta?.mono ? 'font-mono text-xs' : undefined;
}

/** Decorative (aria-sort says it): an SVG, so it is no part of the header's text. */
function SortIcon({ dir }: { dir: false | 'asc' | 'desc' }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 10 14"
      className={cn('h-3.5 w-2.5 shrink-0', dir ? 'text-fg' : 'text-muted-fg')}
      fill="currentColor"
    >
      {dir !== 'desc' ? <path d="M5 1 9 6H1z" opacity={dir === 'asc' ? 1 : 0.5} /> : null}
      {dir !== 'asc' ? <path d="M5 13 1 8h8z" opacity={dir === 'desc' ? 1 : 0.5} /> : null}
    </svg>
  );
}

function SortHeader<Row extends RowData>({
  table,
  header,
}: {
  table: ReactTable<KitFeatures, Row>;
  header: Header<KitFeatures, Row, unknown>;
}) {
  const t = useT();
  const meta = header.column.columnDef.meta;
  const dir = header.column.getIsSorted();
  const sortable = header.column.getCanSort();
  return (
    <th
      scope="col"
      className={cn('whitespace-nowrap font-medium', cellClass(meta))}
      aria-sort={dir ? (dir === 'desc' ? 'descending' : 'ascending') : undefined}
    >
      {sortable ? (
        <button
          type="button"
          className="inline-flex items-center gap-1 rounded-sm hover:underline focus-visible:outline-2 focus-visible:outline-ring"
          onClick={header.column.getToggleSortingHandler()}
          title={t(
            dir === 'desc'
              ? 'table.sortDescending'
              : dir === 'asc'
                ? 'table.sortAscending'
                : 'table.sortNone',
          )}
        >
          <table.FlexRender header={header} />
          <SortIcon dir={dir} />
        </button>
      ) : (
        <table.FlexRender header={header} />
      )}
    </th>
  );
}

/**
 * One body cell, called as a function rather than mounted as components: a 50-row page has
 * 500 cells, and FlexRender would wrap each in two more component layers (its own and the
 * renderer's). So a column's `cell` is a plain function of its context and may not call hooks;
 * a cell that needs state renders a component (`<Details item={…} />`), which may.
 *
 * The context is TanStack's, built here from the row and the column: TanStack's own builds a
 * Cell object per cell on every render, which was half the table's server render. The Cell is
 * still there for a column that asks for it.
 */
function bodyCell<Row extends RowData>(
  table: ReactTable<KitFeatures, Row>,
  row: Row_<KitFeatures, Row>,
  column: Column<KitFeatures, Row, unknown>,
) {
  const meta = column.columnDef.meta;
  const renderer = column.columnDef.cell;
  const getValue = <T,>(): T => row.getValue<T>(column.id);
  const context: CellContext<KitFeatures, Row, unknown> = {
    table,
    row,
    column,
    getValue,
    renderValue: () => getValue() ?? table.options.renderFallbackValue,
    get cell() {
      const cell = row.getAllCellsByColumnId()[column.id];
      if (!cell) throw new Error(`no cell for column ${column.id}`);
      return cell;
    },
  };
  const rendered: ReactNode =
    typeof renderer === 'function' ? renderer(context) : ((renderer as ReactNode) ?? null);
  const content = meta?.ltr ? <span className="ltr-isolate">{rendered}</span> : rendered;
  const key = `${row.id}_${column.id}`;
  return meta?.rowHeader ? (
    <th key={key} scope="row" className={cn('font-medium', cellClass(meta))}>
      {content}
    </th>
  ) : (
    <td key={key} className={cellClass(meta)}>
      {content}
    </td>
  );
}

/**
 * Renders any kit table: sortable headers are buttons under `aria-sort`, the column menu comes
 * from the columns' meta, rows take j / k / Enter (see ./use-row-keys.ts). Sorting and column
 * visibility are the table's business (client-side, or manual with the state in the URL).
 */
export function DataTableView<Row extends RowData>({
  table,
  label,
  caption,
  captionHidden,
  testId,
  primary = false,
  rowProps,
  rowClickOpens = false,
  columnMenu = false,
  actions,
  empty,
  footer,
}: {
  table: ReactTable<KitFeatures, Row>;
  /** Names the scrollable region for screen readers. */
  label: string;
  caption?: string;
  captionHidden?: boolean;
  testId?: string;
  /** The page's main list: j / k work as soon as the page opens. */
  primary?: boolean;
  rowProps?: (row: Row, index: number) => RowProps;
  /** A click anywhere on a row opens its primary link. */
  rowClickOpens?: boolean;
  columnMenu?: boolean;
  actions?: ReactNode;
  empty?: ReactNode;
  footer?: ReactNode;
}) {
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const columns = table.getVisibleLeafColumns();
  const keys = useRowKeys(root, rows.length, primary);
  return (
    <div ref={root} data-kit-table="" className="space-y-2">
      {columnMenu || actions ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          {columnMenu ? <ColumnMenu table={table} /> : <span />}
          {actions}
        </div>
      ) : null}
      <TableScroll label={label}>
        <table className="kit-table w-full text-sm" data-testid={testId}>
          {caption ? (
            <caption className={captionHidden ? 'sr-only' : 'p-2 text-start font-medium'}>
              {caption}
            </caption>
          ) : null}
          <thead className="bg-muted">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => (
                  <SortHeader key={header.id} table={table} header={header} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const { className, ...attrs } = rowProps?.(row.original, index) ?? {};
              const active = keys.active === index;
              return (
                <tr
                  key={row.id}
                  {...attrs}
                  data-kit-row=""
                  data-active={active ? 'true' : undefined}
                  aria-rowindex={index + 2}
                  tabIndex={active ? 0 : -1}
                  onFocus={(event) => {
                    if (event.target === event.currentTarget) keys.setActive(index);
                  }}
                  onClick={
                    rowClickOpens
                      ? (event) => {
                          const target = event.target as Element;
                          if (target.closest('a, button, input, select, summary, label')) return;
                          primaryLink(event.currentTarget)?.click();
                        }
                      : undefined
                  }
                  className={cn('kit-row', rowClickOpens && 'kit-row-opens', className)}
                >
                  {columns.map((column) => bodyCell(table, row, column))}
                </tr>
              );
            })}
          </tbody>
          {footer}
        </table>
        {rows.length === 0 ? (
          <p className="p-6 text-center text-muted-fg">{empty ?? t('table.empty')}</p>
        ) : null}
      </TableScroll>
      {primary && rows.length > 0 ? (
        <p className="text-xs text-muted-fg">{t('table.keyboardHint')}</p>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only">
        {keys.announcement}
      </p>
    </div>
  );
}
