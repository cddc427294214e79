import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import type { Order } from '@/db/queries/order-detail';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatDzd } from '@/lib/i18n/money';
import { getLocale, getT } from '@/lib/i18n/server';

function Facts({ title, rows }: { title: string; rows: [string, ReactNode][] }) {
  return (
    <Card className="p-4">
      <h2 className="mb-2 text-lg font-medium">{title}</h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-fg">{label}</dt>
            <dd className="min-w-0 break-words">{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

const ltr = (v: string | null) =>
  v ? <span className="ltr-isolate font-mono text-xs">{v}</span> : '—';
const linked = (v: string | null) =>
  v ? (
    <Link
      className="ltr-isolate font-mono text-xs text-primary underline"
      href={`/search?q=${encodeURIComponent(v)}`}
    >
      {v}
    </Link>
  ) : (
    '—'
  );

/** Every upstream field, and our own clock beside it. */
export async function OrderFacts({ order }: { order: Order }) {
  const [t, locale] = [await getT(), await getLocale()];
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : '—');
  const money = (v: string | null) =>
    v ? <span className="ltr-isolate">{formatDzd(v, locale, t('money.currency'))}</span> : '—';
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Facts
        title={t('order.upstreamFields')}
        rows={[
          [t('order.topupId'), ltr(order.topupId)],
          [t('order.ref'), ltr(order.ref)],
          [t('order.status'), t(`status.${order.status}`)],
          [
            t('order.plan'),
            <span key="p" className="font-mono text-xs">
              {order.planCode}
            </span>,
          ],
          [
            t('order.phone'),
            <span key="m" className="ltr-isolate">
              {order.msisdn}
            </span>,
          ],
          [t('order.amount'), money(order.topupAmount)],
          [t('order.balanceAmount'), money(order.balanceAmount)],
          [t('order.createdAt'), when(order.upstreamCreatedAt)],
          [t('order.followOrder'), linked(order.followOrderId)],
          [t('order.retryOrder'), linked(order.retryOrderId)],
        ]}
      />
      <Facts
        title={t('order.ourTimes')}
        rows={[
          [t('order.source'), t(`sources.${order.source}`)],
          [t('order.firstSeenAt'), when(order.firstSeenAt)],
          [t('order.statusChangedAt'), when(order.statusChangedAt)],
          [t('order.finalizedAt'), when(order.finalizedAt)],
          [t('order.unknownErrorAt'), when(order.unknownErrorAt)],
          [t('order.lastCheckedAt'), when(order.lastCheckedAt)],
          [
            t('order.nextCheckAt'),
            order.nextCheckAt ? when(order.nextCheckAt) : t('order.noFurtherChecks'),
          ],
          [t('order.checkCount'), String(order.checkCount)],
          [t('order.lastError'), order.lastError],
          [t('order.customerRef'), ltr(order.customerRef)],
          [t('order.customerPrice'), money(order.customerPrice)],
        ]}
      />
    </div>
  );
}
