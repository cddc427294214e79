import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDzd } from '@/lib/i18n/money';
import { getLocale, getT } from '@/lib/i18n/server';
import {
  heatmap,
  rateSeries,
  refundSeries,
  splitBy,
  ttfSeries,
  unknownSeries,
} from '@/lib/reports/charts';
import { settled } from '@/lib/reports/definitions';
import { parseReportRange } from '@/lib/reports/range';
import { algiersDate } from '@/lib/time/algiers';
import { ChartFigure } from './chart-figure';
import { formatValue } from './format';
import { Heatmap } from './heatmap';
import { RangeForm } from './range-form';
import { SeriesChart } from './series-chart';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('reports.title') };
}

/** An hour key ("2026-11-20T09:00:00Z") or a day key, as the Algiers day the orders list filters on. */
const dayOf = (key: string) => (key.length === 10 ? key : algiersDate(new Date(key)));

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireCapability('reports:read');
  const [t, locale, db] = [await getT(), await getLocale(), getDb()];
  const r = parseReportRange(await searchParams, new Date());
  const [rates, operators, plans, heat, ttf, unknown, refunds] = await Promise.all([
    rateSeries(db, r),
    splitBy(db, r, 'operator'),
    splitBy(db, r, 'plan'),
    heatmap(db, r),
    ttfSeries(db, r),
    unknownSeries(db, r),
    refundSeries(db, r),
  ]);
  const pct = (v: number | null) => formatValue(v, 'percent', locale);
  const span = `from=${r.fromDay}&to=${r.toDay}`;
  const ordersLink = (href: string, label: string) => (
    <Link href={href} className="text-primary underline">
      {label}
    </Link>
  );
  const rateHrefs = rates.map(
    (p) => `/orders?tab=FULFILLED&from=${dayOf(p.key)}&to=${dayOf(p.key)}`,
  );
  const splitRows = (rows: typeof operators) =>
    rows.map((p) => ({
      key: p.key,
      fulfilledRate: p.fulfilledRate,
      refundedRate: p.refundedRate,
      unknownRate: p.unknownRate,
    }));
  const rateSeriesDef = [
    {
      key: 'fulfilledRate',
      label: t('reports.fulfilled'),
      color: 'var(--color-success)',
      kind: 'line' as const,
      format: 'percent' as const,
    },
    {
      key: 'refundedRate',
      label: t('reports.refunded'),
      color: 'var(--color-warning)',
      kind: 'line' as const,
      format: 'percent' as const,
    },
    {
      key: 'unknownRate',
      label: t('reports.unknown'),
      color: 'var(--color-danger)',
      kind: 'line' as const,
      format: 'percent' as const,
    },
  ];
  const stacked = rateSeriesDef.map((s) => ({ ...s, kind: 'bar' as const, stack: 'rate' }));
  const splitTable = (rows: typeof operators, dim: 'operator' | 'plan') => ({
    head: [
      t(dim === 'operator' ? 'order.operator' : 'order.plan'),
      t('reports.settled'),
      t('reports.fulfilled'),
      t('reports.refunded'),
      t('reports.unknown'),
      t('reports.orders'),
    ],
    rows: rows.map((p) => [
      p.key,
      String(settled(p)),
      pct(p.fulfilledRate),
      pct(p.refundedRate),
      pct(p.unknownRate),
      ordersLink(`/orders?${dim}=${encodeURIComponent(p.key)}&${span}`, t('reports.openOrders')),
    ]),
  });
  /** Settled orders by operator or plan as stacked shares; a bar opens those orders. */
  const splitFigure = (dim: 'operator' | 'plan', points: typeof operators, rowHeight: number) => (
    <ChartFigure
      id={`${dim}s`}
      title={t(dim === 'operator' ? 'reports.byOperator' : 'reports.byPlan')}
      description={t('reports.splitHelp')}
      table={splitTable(points, dim)}
    >
      <SeriesChart
        rows={splitRows(points)}
        xKey="key"
        series={stacked}
        yLabel={t('reports.shareOfSettled')}
        layout="vertical"
        height={60 + points.length * rowHeight}
        hrefs={points.map((p) => `/orders?${dim}=${encodeURIComponent(p.key)}&${span}`)}
      />
    </ChartFigure>
  );

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('reports.title')}</h1>
        <p className="text-muted-fg">{t('reports.intro')}</p>
      </div>
      <RangeForm range={r} />
      {r.notice ? <Alert tone="warning">{t(`reports.notice.${r.notice}`)}</Alert> : null}
      <ChartFigure
        id="rate"
        title={t('reports.rateTitle')}
        description={t('reports.rateHelp')}
        table={{
          head: [
            t('reports.period'),
            t('reports.settled'),
            t('reports.fulfilled'),
            t('reports.refunded'),
            t('reports.unknown'),
            t('reports.orders'),
          ],
          rows: rates.map((p, i) => [
            p.key,
            String(settled(p)),
            `${pct(p.fulfilledRate)} (${p.fulfilled})`,
            pct(p.refundedRate),
            pct(p.unknownRate),
            ordersLink(rateHrefs[i] ?? '/orders', t('reports.openOrders')),
          ]),
        }}
      >
        <SeriesChart
          rows={rates.map((p) => ({
            key: p.key,
            fulfilledRate: p.fulfilledRate,
            refundedRate: p.refundedRate,
            unknownRate: p.unknownRate,
          }))}
          xKey="key"
          series={rateSeriesDef}
          yLabel={t('reports.shareOfSettled')}
          hrefs={rateHrefs}
          testId="rate-chart"
        />
      </ChartFigure>
      <div className="grid gap-6 xl:grid-cols-2">
        {splitFigure('operator', operators, 48)}
        {splitFigure('plan', plans, 40)}
      </div>
      <Heatmap cells={heat} span={span} />
      <ChartFigure
        id="ttf"
        title={t('reports.ttfTitle')}
        description={t('reports.ttfHelp')}
        table={{
          head: [t('reports.period'), t('reports.settled'), 'p50', 'p95'],
          rows: ttf.map((p) => [
            p.key,
            String(p.settled),
            formatValue(p.p50Ms === null ? null : p.p50Ms / 1000, 'seconds', locale),
            formatValue(p.p95Ms === null ? null : p.p95Ms / 1000, 'seconds', locale),
          ]),
        }}
      >
        <SeriesChart
          rows={ttf.map((p) => ({
            key: p.key,
            p50: p.p50Ms === null ? null : p.p50Ms / 1000,
            p95: p.p95Ms === null || !Number.isFinite(p.p95Ms) ? null : p.p95Ms / 1000,
          }))}
          xKey="key"
          series={[
            {
              key: 'p50',
              label: 'p50',
              color: 'var(--color-primary)',
              kind: 'line',
              format: 'seconds',
            },
            {
              key: 'p95',
              label: 'p95',
              color: 'var(--color-warning)',
              kind: 'line',
              format: 'seconds',
            },
          ]}
          yLabel={t('reports.seconds')}
        />
      </ChartFigure>
      <ChartFigure
        id="unknown"
        title={t('reports.unknownTitle')}
        description={t('reports.unknownHelp')}
        table={{
          head: [
            t('reports.period'),
            t('reports.passedUnknown'),
            t('reports.toFulfilled'),
            t('reports.toRefunded'),
            t('reports.stillUnknown'),
            t('reports.avgResolve'),
          ],
          rows: unknown.map((p) => [
            p.key,
            String(p.passed),
            String(p.toFulfilled),
            String(p.toRefunded),
            String(p.stillUnknown),
            formatValue(p.avgResolveHours, 'hours', locale),
          ]),
        }}
      >
        <SeriesChart
          rows={unknown.map((p) => ({
            key: p.key,
            toFulfilled: p.toFulfilled,
            toRefunded: p.toRefunded,
            stillUnknown: p.stillUnknown,
            avgResolveHours: p.avgResolveHours,
          }))}
          xKey="key"
          series={[
            {
              key: 'toFulfilled',
              label: t('reports.toFulfilled'),
              color: 'var(--color-success)',
              kind: 'bar',
              format: 'count',
              stack: 'u',
            },
            {
              key: 'toRefunded',
              label: t('reports.toRefunded'),
              color: 'var(--color-warning)',
              kind: 'bar',
              format: 'count',
              stack: 'u',
            },
            {
              key: 'stillUnknown',
              label: t('reports.stillUnknown'),
              color: 'var(--color-danger)',
              kind: 'bar',
              format: 'count',
              stack: 'u',
            },
            {
              key: 'avgResolveHours',
              label: t('reports.avgResolve'),
              color: 'var(--color-primary)',
              kind: 'line',
              format: 'hours',
              axis: 'right',
            },
          ]}
          yLabel={t('reports.orders')}
          yRightLabel={t('reports.hours')}
        />
      </ChartFigure>
      <ChartFigure
        id="refunds"
        title={t('reports.refundsTitle')}
        description={t('reports.refundsHelp')}
        table={{
          head: [t('reports.period'), t('reports.refundsCount'), t('reports.refundsAmount')],
          rows: refunds.map((p) => [
            p.key,
            String(p.refunds),
            formatDzd(p.amount, locale, t('money.currency')),
          ]),
        }}
      >
        <SeriesChart
          rows={refunds.map((p) => ({ key: p.key, refunds: p.refunds, amount: Number(p.amount) }))}
          xKey="key"
          series={[
            {
              key: 'refunds',
              label: t('reports.refundsCount'),
              color: 'var(--color-warning)',
              kind: 'bar',
              format: 'count',
            },
            {
              key: 'amount',
              label: t('reports.refundsAmount'),
              color: 'var(--color-primary)',
              kind: 'line',
              format: 'dzd',
              axis: 'right',
            },
          ]}
          yLabel={t('reports.refundsCount')}
          yRightLabel={t('money.currency')}
        />
      </ChartFigure>
    </div>
  );
}
