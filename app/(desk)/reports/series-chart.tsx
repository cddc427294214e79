'use client';

import { useRouter } from 'next/navigation';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useLocale, useT } from '@/lib/i18n/client';
import { directionOf } from '@/lib/i18n/locales';
import { formatValue, type ValueFormat } from './format';

export type Series = {
  key: string;
  label: string;
  /** A theme colour variable, so light and dark mode both stay readable. */
  color: string;
  kind: 'line' | 'bar';
  format: ValueFormat;
  axis?: 'left' | 'right';
  stack?: string;
};

type Row = Record<string, string | number | null>;

/**
 * One chart for the reports: lines and/or bars over a category axis, with labelled axes,
 * a tooltip, a legend, and a click on a point that opens the matching orders.
 */
export function SeriesChart({
  rows,
  xKey,
  series,
  yLabel,
  yRightLabel,
  hrefs,
  layout = 'horizontal',
  height = 280,
  testId,
}: {
  rows: Row[];
  xKey: string;
  series: Series[];
  yLabel: string;
  yRightLabel?: string;
  /** Where a click on each row's point leads (null: nowhere). */
  hrefs?: (string | null)[];
  layout?: 'horizontal' | 'vertical';
  height?: number;
  testId?: string;
}) {
  const router = useRouter();
  const locale = useLocale();
  const currency = useT()('money.currency');
  const left = series.find((s) => (s.axis ?? 'left') === 'left')?.format ?? 'count';
  const right = series.find((s) => s.axis === 'right')?.format;
  const vertical = layout === 'vertical';
  // Right-to-left: time and values read from the right, the value axis stands on the right.
  const rtl = directionOf(locale) === 'rtl';
  return (
    <div style={{ height }} data-testid={testId} className="w-full" dir="ltr">
      <ResponsiveContainer>
        <ComposedChart
          data={rows}
          layout={layout}
          margin={{ top: 8, right: 24, bottom: 24, left: 24 }}
          accessibilityLayer
          onClick={(state) => {
            const index =
              typeof state.activeIndex === 'number' ? state.activeIndex : Number(state.activeIndex);
            const href = Number.isInteger(index) ? hrefs?.[index] : null;
            if (href) router.push(href);
          }}
          style={{ cursor: hrefs ? 'pointer' : undefined }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" />
          {vertical ? (
            <>
              <XAxis
                type="number"
                reversed={rtl}
                tickFormatter={(v) => formatValue(v, left, locale, currency)}
                stroke="var(--color-muted-fg)"
                label={{
                  value: yLabel,
                  position: 'insideBottom',
                  offset: -16,
                  fill: 'var(--color-muted-fg)',
                }}
              />
              <YAxis
                type="category"
                orientation={rtl ? 'right' : 'left'}
                dataKey={xKey}
                width={170}
                tick={{ fontSize: 12 }}
                stroke="var(--color-muted-fg)"
              />
            </>
          ) : (
            <>
              <XAxis
                dataKey={xKey}
                reversed={rtl}
                stroke="var(--color-muted-fg)"
                tick={{ fontSize: 12 }}
                minTickGap={16}
              />
              <YAxis
                yAxisId="left"
                orientation={rtl ? 'right' : 'left'}
                width={72}
                tickFormatter={(v) => formatValue(v, left, locale, currency)}
                stroke="var(--color-muted-fg)"
                label={{
                  value: yLabel,
                  angle: -90,
                  position: 'left',
                  offset: 4,
                  fill: 'var(--color-muted-fg)',
                  style: { textAnchor: 'middle' },
                }}
              />
              {right ? (
                <YAxis
                  yAxisId="right"
                  orientation={rtl ? 'left' : 'right'}
                  tickFormatter={(v) => formatValue(v, right, locale, currency)}
                  stroke="var(--color-muted-fg)"
                  label={{
                    value: yRightLabel,
                    angle: 90,
                    position: 'insideRight',
                    fill: 'var(--color-muted-fg)',
                  }}
                />
              ) : null}
            </>
          )}
          <Tooltip
            formatter={(value, name) => {
              const s = series.find((x) => x.label === name);
              return [
                formatValue(
                  typeof value === 'number' ? value : Number(value),
                  s?.format ?? 'count',
                  locale,
                  currency,
                ),
                name,
              ];
            }}
            contentStyle={{
              background: 'var(--color-surface)',
              border: '1px solid var(--color-border)',
              color: 'var(--color-fg)',
            }}
            labelStyle={{ color: 'var(--color-fg)' }}
          />
          <Legend verticalAlign="top" height={28} />
          {series.map((s) =>
            s.kind === 'line' ? (
              <Line
                key={s.key}
                yAxisId={vertical ? undefined : (s.axis ?? 'left')}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                dot={{ r: 3 }}
                activeDot={{ r: 6 }}
                connectNulls
                isAnimationActive={false}
              />
            ) : (
              <Bar
                key={s.key}
                yAxisId={vertical ? undefined : (s.axis ?? 'left')}
                dataKey={s.key}
                name={s.label}
                fill={s.color}
                stackId={s.stack}
                isAnimationActive={false}
              />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
