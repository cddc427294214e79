import { StatusBadge } from '@/components/status-badge';
import { Card } from '@/components/ui/card';
import type { OrderSummary } from '@/db/queries/orders';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatDzd } from '@/lib/i18n/money';
import { getLocale, getT } from '@/lib/i18n/server';

export async function OrderSummaryCard({ order }: { order: OrderSummary }) {
  const [t, locale] = [await getT(), await getLocale()];
  const rows: [string, React.ReactNode][] = [
    [
      t('order.topupId'),
      <span key="id" className="ltr-isolate font-mono">
        {order.topupId}
      </span>,
    ],
    [
      t('order.ref'),
      <span key="ref" className="ltr-isolate font-mono">
        {order.ref ?? '—'}
      </span>,
    ],
    [
      t('order.phone'),
      <span key="phone" className="ltr-isolate">
        {order.msisdn}
      </span>,
    ],
    [t('order.plan'), `${order.planCode} · ${order.operator}`],
    [
      t('order.amount'),
      <span key="amount" className="ltr-isolate">
        {formatDzd(order.topupAmount, locale, t('money.currency'))}
      </span>,
    ],
    [t('order.createdAt'), formatDateTime(order.upstreamCreatedAt, locale)],
    [t('order.statusChangedAt'), formatDateTime(order.statusChangedAt, locale)],
    [
      t('order.nextCheckAt'),
      order.nextCheckAt ? formatDateTime(order.nextCheckAt, locale) : t('order.noFurtherChecks'),
    ],
  ];
  return (
    <Card className="space-y-3 p-4" data-testid="order-summary">
      <div className="flex items-center gap-2">
        <h2 className="text-lg font-medium">{t('track.found')}</h2>
        <StatusBadge status={order.status} />
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-fg">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {order.refundMessage ? (
        <p dir="rtl" lang="ar" className="rounded-md bg-muted p-3">
          {order.refundMessage}
        </p>
      ) : null}
    </Card>
  );
}
