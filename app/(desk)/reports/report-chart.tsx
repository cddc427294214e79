import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { formatShortDate } from '@/lib/i18n/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import type { ChartSpec, ColorToken, HeatRow, Point, SeriesSpec } from '@/lib/reports/chart-specs';
import { bucketLabel, bucketSpan } from '@/lib/reports/links';
import type { ParsedRange } from '@/lib/reports/range';
import { DESK_UTC_OFFSET, dayStart } from '@/lib/time/algiers';
import { ChartDataTable } from './chart-data-table';
import { formatValue } from './format';
import { Heatmap } from './heatmap';
import { type ChartRow, type Series, SeriesChart } from './series-chart';

/**
 * The theme colour of each token, written out in full: Tailwind emits a theme variable only
 * when it finds its name in the sources, so `var(--color-${token})` would draw in black.
 */
const COLORS: Record<ColorToken, string> = {
  primary: 'var(--color-primary)',
  success: 'var(--color-success)',
  warning: 'var(--color-warning)',
  danger: 'var(--color-danger)',
};

/** A figure as a chart can plot it: a number, or null for no point (missing, or off the scale). */
function plotted(value: Point[string] | undefined): number | null {
  const n = value === null || value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** How a spec's series draws, from the chart's kind (see ChartKind). */
function drawn(spec: ChartSpec, s: SeriesSpec): Series['kind'] {
  if (spec.kind === 'line') return 'line';
  if (spec.kind === 'bar-line' && s.axis === 'right') return 'line';
  return 'bar';
}

/**
 * Any report chart from its spec (lib/reports/chart-specs.ts): title and description, the chart
 * (or its empty state), a hint when points open orders, and the numbers as a table whose rows
 * lead where the points do.
 */
export async function ReportChart({
  spec,
  points,
  range,
}: {
  spec: ChartSpec;
  points: Point[];
  range: ParsedRange;
}) {
  const [t, locale] = [await getT(), await getLocale()];
  const title = t(spec.title);
  const byPeriod = spec.x.type === 'period';
  const hrefs = points.map((p) => spec.link?.(p, range) ?? null);
  const linked = hrefs.some(Boolean);
  /** Short name on the axis and in the tooltip: "1 Nov" or "1 Nov, 12:00"; a category as is. */
  const shortName = (key: string) => {
    const span = byPeriod ? bucketSpan(key) : null;
    if (!span) return key;
    const start = span.grain === 'day' ? dayStart(key) : new Date(key);
    return formatShortDate(start, locale, span.grain === 'hour');
  };
  const hourly = byPeriod && bucketSpan(points[0]?.key ?? '')?.grain === 'hour';
  const hintId = `${spec.id}-hint`;

  let chart: React.ReactNode;
  if (points.length === 0)
    chart = (
      <p className="rounded-md bg-muted p-4 text-center text-sm text-muted-fg">{t(spec.empty)}</p>
    );
  else if (spec.kind === 'heatmap')
    chart = (
      <Heatmap
        rows={points as HeatRow[]}
        hrefs={hrefs}
        label={title}
        rowHeader={spec.x.type === 'category' ? t(spec.x.header) : t('reports.period')}
        t={t}
        locale={locale}
      />
    );
  else {
    const series: Series[] = spec.series.map((s) => ({
      field: s.field,
      label: t(s.label),
      color: COLORS[s.color],
      kind: drawn(spec, s),
      format: s.format,
      axis: s.axis ?? 'left',
      stack: drawn(spec, s) === 'bar' ? 'stack' : undefined,
    }));
    const rows: ChartRow[] = points.map((p) => ({
      key: p.key,
      label: shortName(p.key),
      ...Object.fromEntries(spec.series.map((s) => [s.field, plotted(p[s.field])])),
    }));
    chart = (
      <>
        <SeriesChart
          rows={rows}
          series={series}
          yLabel={t(spec.axis.left)}
          yRightLabel={spec.axis.right ? t(spec.axis.right) : undefined}
          hrefs={hrefs}
          label={t('charts.chartLabel', { title })}
          describedBy={linked ? hintId : undefined}
          layout={byPeriod ? 'horizontal' : 'vertical'}
          height={spec.x.type === 'category' ? 60 + points.length * spec.x.rowHeight : 280}
          testId={spec.testId}
        />
        {linked ? (
          <p id={hintId} className="text-xs text-muted-fg">
            {t('charts.pointHint')}
          </p>
        ) : null}
      </>
    );
  }

  return (
    <Card className={cn('p-4', spec.width === 'full' && 'xl:col-span-2')}>
      <figure aria-labelledby={`${spec.id}-title`} className="space-y-2">
        <figcaption>
          <h2 id={`${spec.id}-title`} className="text-lg font-medium">
            {title}
          </h2>
          <p className="text-sm text-muted-fg">{t(spec.description)}</p>
        </figcaption>
        {chart}
        {spec.columns.length && points.length ? (
          <details>
            <summary className="cursor-pointer text-sm text-primary">
              {t('reports.dataTable')}
            </summary>
            <ChartDataTable
              label={title}
              caption={hourly ? t('charts.hoursInAlgeria') : undefined}
              testId={`${spec.id}-table`}
              head={[
                spec.x.type === 'category' ? t(spec.x.header) : t('reports.period'),
                ...spec.columns.map((c) => t(c.header)),
              ]}
              link={
                linked ? { header: t('reports.orders'), text: t('reports.openOrders') } : undefined
              }
              rows={points.map((p, i) => {
                const span = byPeriod ? bucketSpan(p.key) : null;
                const name = span ? bucketLabel(p.key) : p.key;
                return {
                  name: span ? (
                    <time
                      dateTime={span.grain === 'hour' ? span.from + DESK_UTC_OFFSET : span.from}
                    >
                      {name}
                    </time>
                  ) : (
                    name
                  ),
                  nameText: name,
                  href: hrefs[i] ?? null,
                  // Sorting compares the figures, not their text («1 204» sorts after «987»).
                  values: spec.columns.map((c) => plotted(p[c.field])),
                  cells: spec.columns.map((c) => {
                    const value = formatValue(p[c.field], c.format, locale, t);
                    const count = c.count === undefined ? undefined : p[c.count];
                    return count === undefined
                      ? value
                      : `${value} (${formatValue(count, 'count', locale, t)})`;
                  }),
                };
              })}
            />
          </details>
        ) : null}
      </figure>
    </Card>
  );
}
