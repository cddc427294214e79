import type { ReactNode } from 'react';
import { DataTable, type StaticRow } from '@/components/data-table/data-table';

/**
 * @deprecated Use `DataTable` from components/data-table/data-table.tsx. Kept only for the
 * reports' chart tables (app/(desk)/reports/chart-figure.tsx) until they move to the kit; it
 * already renders through the kit (text and number cells sort in the browser).
 */
export function SimpleTable({
  label,
  head,
  rows,
  caption,
  testId,
}: {
  label: string;
  head: string[];
  rows: ReactNode[][];
  caption?: string;
  testId?: string;
}) {
  const columns = head.map((h, i) => ({ id: `c${i}`, label: h }));
  const data: StaticRow[] = rows.map((cells, r) => {
    const row: StaticRow = { id: String(r), values: {}, cells: {} };
    cells.forEach((cell, i) => {
      const key = `c${i}`;
      if (typeof cell === 'string' || typeof cell === 'number') {
        if (row.values) row.values[key] = cell;
      } else if (row.cells) row.cells[key] = cell;
    });
    return row;
  });
  return (
    <DataTable label={label} caption={caption} testId={testId} columns={columns} rows={data} />
  );
}
