import { notFound } from 'next/navigation';
import { cache } from 'react';
import { StatusBadge } from '@/components/status-badge';
import { Alert } from '@/components/ui/alert';
import { getLinkedOrders, getOrder, listEvents } from '@/db/queries/order-detail';
import { resendView } from '@/db/queries/resends';
import { can } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatDzd } from '@/lib/i18n/money';
import { getLocale, getT } from '@/lib/i18n/server';
import { mayOfferResend } from '@/lib/resends/policy';
import { CheckNowButton } from './check-now-button';
import { CustomerMessage } from './customer-message';
import { LinkedOrdersSection } from './linked-orders';
import { NoteForm } from './note-form';
import { OrderFacts } from './order-facts';
import { RefundPanel } from './refund-panel';
import { ResendPanel } from './resend-panel';
import { Timeline } from './timeline';

// An order's page: at /orders/[id], and at /orders/find?q=… when a search names it by ref or
// top-up id (one request, no redirect).

/** The order, read once per request for its title and its page. */
const orderOf = cache((id: number) =>
  Number.isSafeInteger(id) && id > 0 ? getOrder(getDb(), id) : Promise.resolve(null),
);

/** The page title of an order, or of an order not found. */
export async function orderTitle(id: number): Promise<string> {
  const t = await getT();
  const order = await orderOf(id);
  return order ? t('order.title', { ref: order.ref ?? order.topupId }) : t('order.notFound');
}

export async function OrderView({ id, user }: { id: number; user: SessionUser }) {
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = getDb();
  const [order, events] = await Promise.all([orderOf(id), listEvents(db, id)]);
  if (!order) notFound();
  const [linked, resend] = await Promise.all([
    getLinkedOrders(db, order),
    resendView(db, order.id),
  ]);
  const [t, locale] = [await getT(), await getLocale()];
  const money = (v: string | null) => formatDzd(v, locale, t('money.currency'));
  return (
    <div className="space-y-6">
      <header
        className="flex flex-wrap items-start justify-between gap-3"
        data-testid="order-header"
        data-order-id={order.id}
      >
        <div className="space-y-1">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold">
            <span className="ltr-isolate">{order.msisdn}</span>
            <StatusBadge status={order.status} label={t(`status.${order.status}`)} />
          </h1>
          <p className="text-muted-fg">
            <span className="ltr-isolate font-medium text-fg">{money(order.topupAmount)}</span> ·{' '}
            {/* Each piece isolated, so Latin codes and dates keep their order in Arabic. */}
            <bdi>{order.planCode}</bdi> · <bdi>{order.operator}</bdi> ·{' '}
            <bdi>{formatDateTime(order.upstreamCreatedAt, locale)}</bdi>
          </p>
        </div>
        {can(user.role, 'orders:check') ? <CheckNowButton id={order.id} /> : null}
      </header>
      {order.status === 'UNKNOWN_ERROR' ? (
        <Alert tone="danger">
          {t('order.unknownWarning', {
            time: order.nextCheckAt ? formatDateTime(order.nextCheckAt, locale) : '—',
          })}
        </Alert>
      ) : null}
      {order.stuck && (order.status === 'PENDING' || order.status === 'HANDLING') ? (
        <Alert tone="warning">{t('order.stuck')}</Alert>
      ) : null}
      {order.needsReview ? <Alert tone="warning">{t('order.needsReview')}</Alert> : null}
      {order.refundMessage || order.suggestedOffers?.length ? (
        <CustomerMessage
          message={order.refundMessage}
          offers={order.suggestedOffers ?? []}
          resend={
            can(user.role, 'resends:create') && mayOfferResend(order, resend)
              ? { orderId: order.id, phone: order.msisdn }
              : null
          }
        />
      ) : null}
      {resend ? <ResendPanel resend={resend} user={user} /> : null}
      <LinkedOrdersSection order={order} linked={linked} />
      <RefundPanel order={order} user={user} original={linked.parent} />
      <OrderFacts order={order} />
      <section aria-labelledby="timeline" className="space-y-3">
        <h2 id="timeline" className="text-lg font-medium">
          {t('order.timeline')}
        </h2>
        <Timeline events={events} />
        {can(user.role, 'orders:note') ? <NoteForm id={order.id} /> : null}
      </section>
    </div>
  );
}
