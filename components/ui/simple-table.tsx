import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

/** A plain read-only table: a header row and rows of cells, scrollable on narrow screens. */
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
  return (
    <TableScroll label={label}>
      <table className="w-full text-sm" data-testid={testId}>
        {caption ? <caption className="p-2 text-start font-medium">{caption}</caption> : null}
        <thead className="bg-muted">
          <tr>
            {head.map((h) => (
              <th
                key={h}
                scope="col"
                className="whitespace-nowrap px-3 py-2 text-start font-medium"
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are rendered once, in a fixed order
            <tr key={i} className="border-t border-border tabular-nums">
              {cells.map((cell, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the fixed header
                <td key={j} className="px-3 py-1.5">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
