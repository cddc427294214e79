import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { SimpleTable } from '@/components/ui/simple-table';
import { getT } from '@/lib/i18n/server';

/** A titled chart with its numbers as a table, for screen readers and for checking. */
export async function ChartFigure({
  id,
  title,
  description,
  children,
  table,
}: {
  id: string;
  title: string;
  description: string;
  children: ReactNode;
  table: { head: string[]; rows: (string | ReactNode)[][] };
}) {
  const t = await getT();
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
          <p className="rounded-md bg-muted p-4 text-center text-sm text-muted-fg">
            {t('reports.empty')}
          </p>
        )}
        <details>
          <summary className="cursor-pointer text-sm text-primary">
            {t('reports.dataTable')}
          </summary>
          <SimpleTable label={title} head={table.head} rows={table.rows} testId={`${id}-table`} />
        </details>
      </figure>
    </Card>
  );
}
