'use client';

import { useRouter } from 'next/navigation';
import { type RefObject, useEffect, useRef } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  useActiveTooltipLabel,
  XAxis,
  YAxis,
} from 'recharts';
import { useLocale, useT } from '@/lib/i18n/client';
import { directionOf } from '@/lib/i18n/locales';
import { formatValue, type ValueFormat } from './format';

// The reports' only recharts code: a client component imported by the reports page alone, so
// the chart library ships with this page and no other.

export type Series = {
  field: string;
  label: string;
  /** A theme colour variable, so light and dark mode both stay readable. */
  color: string;
  kind: 'line' | 'bar';
  format: ValueFormat;
  axis: 'left' | 'right';
  stack?: string;
};

/** One point: its key, its axis/tooltip label, and its figures by series field. */
export type ChartRow = { key: string; label: string } & Record<string, string | number | null>;

/** Keeps the key of the point the pointer or the arrow keys last made active. */
function ActivePoint({ into }: { into: RefObject<string | null> }) {
  const label = useActiveTooltipLabel();
  useEffect(() => {
    into.current = label === undefined || label === null ? null : String(label);
  }, [label, into]);
  return null;
}

/**
 * Lines and/or bars over periods or categories, with labelled axes, a tooltip and a legend.
 * A point with an href opens it: clicked, or chosen with the arrow keys and Enter.
 */
export function SeriesChart({
  rows,
  series,
  yLabel,
  yRightLabel,
  hrefs,
  label,
  describedBy,
  layout,
  height,
  testId,
}: {
  rows: ChartRow[];
  series: Series[];
  yLabel: string;
  yRightLabel?: string;
  /** Where each row's point leads (null: nowhere). */
  hrefs: (string | null)[];
  label: string;
  describedBy?: string;
  layout: 'horizontal' | 'vertical';
  height: number;
  testId?: string;
}) {
  const router = useRouter();
  const locale = useLocale();
  const t = useT();
  const active = useRef<string | null>(null);
  const hrefOf = new Map(rows.map((r, i) => [r.key, hrefs[i] ?? null]));
  const labelOf = new Map(rows.map((r) => [r.key, r.label]));
  const tick = (key: unknown) => labelOf.get(String(key)) ?? String(key);
  const left = series.find((s) => s.axis === 'left')?.format ?? 'count';
  const right = series.find((s) => s.axis === 'right')?.format;
  const linked = hrefs.some(Boolean);
  const vertical = layout === 'vertical';
  // Right-to-left: time and values read from the right, the value axis stands on the right.
  const rtl = directionOf(locale) === 'rtl';
  const open = (key: string | null) => {
    const href = key === null ? null : hrefOf.get(key);
    if (href) router.push(href);
  };
  const valueTicks = (format: ValueFormat) => ({
    tickFormatter: (v: number) => formatValue(v, format, locale, t),
    allowDecimals: format !== 'count',
    stroke: 'var(--color-muted-fg)',
  });
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Enter on the focused chart surface (recharts' keyboard layer, role=application) bubbles here
    <div
      style={{ height }}
      data-testid={testId}
      className="w-full"
      dir="ltr"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && linked) open(active.current);
      }}
    >
      <ResponsiveContainer>
        <ComposedChart
          data={rows}
          layout={layout}
          margin={{ top: 8, right: 24, bottom: 24, left: 24 }}
          accessibilityLayer
          aria-label={label}
          aria-describedby={describedBy}
          onClick={(state) => {
            const index = Number(state.activeIndex);
            open(Number.isInteger(index) ? (rows[index]?.key ?? null) : null);
          }}
          style={{ cursor: linked ? 'pointer' : undefined }}
        >
          <ActivePoint into={active} />
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" />
          {vertical ? (
            <>
              <XAxis
                type="number"
                reversed={rtl}
                {...valueTicks(left)}
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
                dataKey="key"
                width={170}
                tick={{ fontSize: 12 }}
                tickFormatter={tick}
                stroke="var(--color-muted-fg)"
              />
            </>
          ) : (
            <>
              <XAxis
                dataKey="key"
                reversed={rtl}
                stroke="var(--color-muted-fg)"
                tick={{ fontSize: 12 }}
                tickFormatter={tick}
                minTickGap={16}
              />
              <YAxis
                yAxisId="left"
                orientation={rtl ? 'right' : 'left'}
                width={72}
                {...valueTicks(left)}
                label={{
                  value: yLabel,
                  angle: rtl ? 90 : -90,
                  position: rtl ? 'right' : 'left',
                  offset: 4,
                  fill: 'var(--color-muted-fg)',
                  style: { textAnchor: 'middle' },
                }}
              />
              {right ? (
                <YAxis
                  yAxisId="right"
                  orientation={rtl ? 'left' : 'right'}
                  width={88}
                  {...valueTicks(right)}
                  label={{
                    value: yRightLabel,
                    angle: rtl ? -90 : 90,
                    position: rtl ? 'insideLeft' : 'insideRight',
                    fill: 'var(--color-muted-fg)',
                  }}
                />
              ) : null}
            </>
          )}
          <Tooltip
            labelFormatter={tick}
            formatter={(value, name, item) => {
              const s = series.find((x) => x.field === item.dataKey);
              return [formatValue(value as number | null, s?.format ?? 'count', locale, t), name];
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
                key={s.field}
                yAxisId={vertical ? undefined : s.axis}
                type="monotone"
                dataKey={s.field}
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
                key={s.field}
                yAxisId={vertical ? undefined : s.axis}
                dataKey={s.field}
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
