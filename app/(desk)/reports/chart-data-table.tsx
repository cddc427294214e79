import Link from 'next/link';
import type { ReactNode } from 'react';
import { DataTable, type StaticColumn } from '@/components/data-table/data-table';

// A chart's numbers as a table, for screen readers, keyboards and checking. Every report chart's
// table goes through this one component, on the desk's data-table kit (sortable, accessible).

export type ChartTableRow = {
  /** The row's period or category as read (first cell, and the context of its link). */
  name: ReactNode;
  /** Plain-text name for the link's accessible name. */
  nameText: string;
  cells: string[];
  /** What each cell sorts by (its figure); the cell's text when missing. */
  values?: (number | null)[];
  /** The same place the chart's point leads to, or null. */
  href: string | null;
};

export function ChartDataTable({
  label,
  head,
  rows,
  link,
  caption,
  testId,
}: {
  label: string;
  head: string[];
  rows: ChartTableRow[];
  /** The link column's header and link text, when the rows lead somewhere. */
  link?: { header: string; text: string };
  caption?: string;
  testId: string;
}) {
  const columns: StaticColumn[] = head.map((h, i) => ({ id: `c${i}`, label: h }));
  if (link) columns.push({ id: 'link', label: link.header, sortable: false });
  return (
    <DataTable
      label={label}
      caption={caption}
      testId={testId}
      columns={columns}
      rows={rows.map((row, r) => ({
        id: String(r),
        values: Object.fromEntries(
          [row.nameText, ...row.cells.map((text, i) => row.values?.[i] ?? text)].map((v, i) => [
            `c${i}`,
            v,
          ]),
        ),
        cells: {
          c0: row.name,
          // Each figure shows as the report wrote it; its value above only decides the order.
          ...Object.fromEntries(row.cells.map((text, i) => [`c${i + 1}`, text])),
          ...(link && row.href
            ? {
                link: (
                  <Link href={row.href} className="text-primary underline">
                    {link.text}
                    <span className="sr-only"> ({row.nameText})</span>
                  </Link>
                ),
              }
            : {}),
        },
      }))}
    />
  );
}
