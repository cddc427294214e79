import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { TableScroll } from '@/components/ui/table-scroll';
import { getLocale, getT } from '@/lib/i18n/server';
import type { HeatCell } from '@/lib/reports/charts';
import { formatValue } from './format';

/** Colour for a fulfilment rate: red below 80 %, amber to 95 %, green above; text says the number. */
function tone(rate: number | null) {
  if (rate === null) return 'bg-muted text-muted-fg';
  if (rate >= 0.95) return 'bg-success/25 text-fg';
  if (rate >= 0.8) return 'bg-warning/30 text-fg';
  return 'bg-danger/30 text-fg';
}

/** Fulfilment rate by operator × hour of the day, as a table a screen reader can read. */
export async function Heatmap({ cells, span }: { cells: HeatCell[]; span: string }) {
  const [t, locale] = [await getT(), await getLocale()];
  const operators = [...new Set(cells.map((c) => c.operator))];
  const at = new Map(cells.map((c) => [`${c.operator}:${c.hourOfDay}`, c]));
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <Card className="p-4">
      <h2 className="text-lg font-medium">{t('reports.heatmapTitle')}</h2>
      <p className="mb-2 text-sm text-muted-fg">{t('reports.heatmapHelp')}</p>
      <TableScroll label={t('reports.heatmapTitle')}>
        <table className="text-xs" data-testid="heatmap">
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 text-start">
                {t('order.operator')}
              </th>
              {hours.map((h) => (
                <th key={h} scope="col" className="px-1 py-1 text-center font-normal tabular-nums">
                  {String(h).padStart(2, '0')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {operators.map((op) => (
              <tr key={op}>
                <th scope="row" className="px-2 py-1 text-start font-medium">
                  <Link
                    href={`/orders?operator=${encodeURIComponent(op)}&${span}`}
                    className="underline"
                  >
                    {op}
                  </Link>
                </th>
                {hours.map((h) => {
                  const c = at.get(`${op}:${h}`);
                  const label = c
                    ? t('reports.heatCell', {
                        operator: op,
                        hour: h,
                        rate: formatValue(c.rate, 'percent', locale),
                        settled: c.settled,
                      })
                    : undefined;
                  return (
                    <td
                      key={h}
                      className={`min-w-10 px-1 py-1.5 text-center tabular-nums ${tone(c?.rate ?? null)}`}
                      title={label}
                    >
                      {c ? formatValue(c.rate, 'percent', locale).replace(/\s?%$/, '') : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Card>
  );
}
