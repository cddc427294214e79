import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { TableScroll } from '@/components/ui/table-scroll';

/** A titled chart with its numbers as a table, for screen readers and for checking. */
export function ChartFigure({
  id,
  title,
  description,
  children,
  table,
  tableLabel,
  emptyLabel,
}: {
  id: string;
  title: string;
  description: string;
  children: ReactNode;
  table: { head: string[]; rows: (string | ReactNode)[][] };
  tableLabel: string;
  emptyLabel: string;
}) {
  return (
    <Card className="p-4">
      <figure aria-labelledby={`${id}-title`} className="space-y-2">
        <figcaption>
          <h2 id={`${id}-title`} className="text-lg font-medium">
            {title}
          </h2>
          <p className="text-sm text-muted-fg">{description}</p>
        </figcaption>
        {table.rows.length ? (
          children
        ) : (
          <p className="rounded-md bg-muted p-4 text-center text-sm text-muted-fg">{emptyLabel}</p>
        )}
        <details>
          <summary className="cursor-pointer text-sm text-primary">{tableLabel}</summary>
          <TableScroll label={title}>
            <table className="w-full text-sm" data-testid={`${id}-table`}>
              <thead className="bg-muted">
                <tr>
                  {table.head.map((h) => (
                    <th key={h} scope="col" className="px-3 py-1.5 text-start font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional points of a series
                  <tr key={i} className="border-t border-border tabular-nums">
                    {row.map((cell, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                      <td key={j} className="px-3 py-1.5">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      </figure>
    </Card>
  );
}
