import Link from 'next/link';
import { TableScroll } from '@/components/ui/table-scroll';
import type { Locale, T } from '@/lib/i18n';
import { type HeatRow, HOURS_OF_DAY } from '@/lib/reports/chart-specs';
import { formatValue } from './format';

/** The percent sign and the spacing or direction marks around it, in any of the desk's languages. */
const PERCENT_SIGN = /[\s\u200e\u200f\u061c]*[%٪][\u200e\u200f\u061c]*$/;

/** Colour for a fulfilment rate: red below 80 %, amber to 95 %, green above; text says the number. */
function tone(rate: number | null) {
  if (rate === null) return 'bg-muted text-muted-fg';
  if (rate >= 0.95) return 'bg-success/25 text-fg';
  if (rate >= 0.8) return 'bg-warning/30 text-fg';
  return 'bg-danger/30 text-fg';
}

/** Fulfilment rate by operator × hour of the day, as a table a screen reader can read. */
export function Heatmap({
  rows,
  hrefs,
  label,
  rowHeader,
  t,
  locale,
}: {
  rows: HeatRow[];
  hrefs: (string | null)[];
  label: string;
  rowHeader: string;
  t: T;
  locale: Locale;
}) {
  return (
    <TableScroll label={label}>
      <table className="text-xs" data-testid="heatmap">
        <thead>
          <tr>
            <th scope="col" className="px-2 py-1 text-start">
              {rowHeader}
            </th>
            {HOURS_OF_DAY.map((h) => (
              <th key={h} scope="col" className="px-1 py-1 text-center font-normal tabular-nums">
                {String(h).padStart(2, '0')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.key}>
              <th scope="row" className="px-2 py-1 text-start font-medium">
                {hrefs[i] ? (
                  <Link href={hrefs[i]} className="underline">
                    {row.key}
                  </Link>
                ) : (
                  row.key
                )}
              </th>
              {HOURS_OF_DAY.map((h) => {
                const value = row[`rate${h}`];
                const rate = typeof value === 'number' ? value : null;
                const settled = row[`settled${h}`];
                const has = typeof settled === 'number';
                return (
                  <td
                    key={h}
                    className={`min-w-10 px-1 py-1.5 text-center tabular-nums ${tone(rate)}`}
                    title={
                      has
                        ? t('reports.heatCell', {
                            operator: row.key,
                            hour: h,
                            rate: formatValue(rate, 'percent', locale, t),
                            settled,
                          })
                        : undefined
                    }
                  >
                    {has ? formatValue(rate, 'percent', locale, t).replace(PERCENT_SIGN, '') : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
