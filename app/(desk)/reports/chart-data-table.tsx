import Link from 'next/link';
import type { ReactNode } from 'react';
import { SimpleTable } from '@/components/ui/simple-table';

// A chart's numbers as a table, for screen readers, keyboards and checking. Every report chart's
// table goes through this one component, so it can move to the desk's data-table kit in one place.

export type ChartTableRow = {
  /** The row's period or category as read (first cell, and the context of its link). */
  name: ReactNode;
  /** Plain-text name for the link's accessible name. */
  nameText: string;
  cells: string[];
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
  return (
    <SimpleTable
      label={label}
      caption={caption}
      testId={testId}
      head={link ? [...head, link.header] : head}
      rows={rows.map((row) => {
        const cells: ReactNode[] = [row.name, ...row.cells];
        if (link)
          cells.push(
            row.href ? (
              <Link key="link" href={row.href} className="text-primary underline">
                {link.text}
                <span className="sr-only"> ({row.nameText})</span>
              </Link>
            ) : null,
          );
        return cells;
      })}
    />
  );
}
