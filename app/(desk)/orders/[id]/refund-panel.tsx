import Link from 'next/link';
import { DecideButtons, RedeliverButton } from '@/app/(desk)/refunds/decide-buttons';
import { RefundButton } from '@/app/(desk)/refunds/refund-button';
import { DataTable } from '@/components/data-table/data-table';
import { Alert } from '@/components/ui/alert';
import type { Order } from '@/db/queries/order-detail';
import { listDeliveryAttempts, refundView } from '@/db/queries/refunds';
import { can } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatDzd } from '@/lib/i18n/money';
import { formatNumber } from '@/lib/i18n/numbers';
import { getLocale, getT } from '@/lib/i18n/server';
import { mayDecide, type Refusal, refusalFor } from '@/lib/refunds/policy';

/** The customer-refund state of one order, and the one place its refund controls live. */
export async function RefundPanel({
  order,
  user,
  original,
}: {
  order: Order;
  user: SessionUser;
  /** The order this one retries or follows up: its refund is decided there. */
  original: { id: number; topupId: string } | null;
}) {
  const [t, locale, db] = [await getT(), await getLocale(), getDb()];
  const refund = await refundView(db, order.id);
  const attempts = refund ? await listDeliveryAttempts(db, refund.id) : [];
  const mayRefund = can(user.role, 'refunds:create');
  // The panel says what the service would answer (lib/refunds/policy.ts), never its own words.
  const refusalText = (r: Refusal | null) => (r ? t(r.reason, r.params) : '');
  const amount = formatDzd(order.refundAmount, locale, t('money.currency'));
  const who = refund ? (refund.byName ?? refund.createdVia) : '';
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : '—');
  let body: React.ReactNode;
  if (original) {
    body = (
      <p data-testid="refund-state">
        <Link href={`/orders/${original.id}`} className="text-primary underline underline-offset-2">
          {t('sync.links.refundOnOriginal', { id: original.topupId })}
        </Link>
      </p>
    );
  } else if (refund?.state === 'approved') {
    body = (
      <div className="space-y-2">
        <p data-testid="refund-state">
          {t('refund.refundedBy', {
            amount: formatDzd(refund.amount, locale, t('money.currency')),
            who,
            time: when(refund.decidedAt ?? refund.createdAt),
          })}
        </p>
        <p className="text-sm">
          <strong>{t('refund.delivery')}:</strong>{' '}
          <span data-testid="delivery-state">
            {refund.delivery === 'delivered'
              ? t('refund.delivery_delivered', { time: when(refund.deliveredAt) })
              : refund.delivery === 'pending'
                ? t('refund.delivery_pending', { attempts: refund.deliveryAttempts ?? 0 })
                : t('refund.delivery_not_configured')}
          </span>{' '}
          {mayRefund && refund.delivery && refund.delivery !== 'not_configured' ? (
            <RedeliverButton id={order.id} />
          ) : null}
        </p>
        {attempts.length ? (
          <DataTable
            label={t('refund.attempts')}
            caption={t('refund.attempts')}
            testId="delivery-attempts"
            columns={[
              { id: 'at', label: t('refund.attemptAt'), kind: 'datetime' },
              { id: 'status', label: t('refund.attemptStatus'), ltr: true, mono: true },
              { id: 'latency', label: t('refund.attemptLatency'), kind: 'number', align: 'end' },
              { id: 'error', label: t('refund.attemptError') },
            ]}
            rows={attempts.map((a) => ({
              id: String(a.id),
              values: {
                at: a.at.toISOString(),
                status: a.statusCode,
                latency: a.latencyMs,
                error: a.error ?? '',
              },
              cells: { latency: `${formatNumber(a.latencyMs, locale)} ms` },
            }))}
          />
        ) : null}
      </div>
    );
  } else if (refund?.state === 'awaiting_approval') {
    body = (
      <div className="space-y-2">
        <p data-testid="refund-state">
          {t('refund.requestedBy', { who, time: when(refund.createdAt) })}
        </p>
        {mayDecide(refund, { userId: user.id, role: user.role }) ? (
          <DecideButtons id={order.id} />
        ) : null}
      </div>
    );
  } else if (
    order.status === 'REFUNDED' &&
    (order.chainState === 'open' || order.chainState === 'served')
  ) {
    // A retry or follow-up may have served the customer, or still may: no refund button.
    body = (
      <Alert tone={order.chainState === 'served' ? 'info' : 'warning'} data-testid="refund-state">
        {t(`sync.links.chain_${order.chainState}`)}
      </Alert>
    );
  } else if (order.status === 'REFUNDED') {
    body = (
      <div className="space-y-2">
        {refund?.state === 'rejected' ? (
          <p>{t('refund.rejectedBy', { time: when(refund.decidedAt) })}</p>
        ) : null}
        <p data-testid="refund-state">
          {order.chainState === 'refunded' ? t('sync.links.chain_refunded') : t('order.refundDue')}
        </p>
        {mayRefund ? <RefundButton id={order.id} amount={amount} phone={order.msisdn} /> : null}
      </div>
    );
  } else if (order.status === 'UNKNOWN_ERROR') {
    body = (
      <Alert tone="warning" data-testid="refund-state">
        {refusalText(refusalFor('UNKNOWN_ERROR', { nextCheckAt: when(order.nextCheckAt) }))}
      </Alert>
    );
  } else {
    body = <p data-testid="refund-state">{t('order.refundNotApplicable')}</p>;
  }
  return (
    <section aria-labelledby="refund-state-heading" className="space-y-2">
      <h2 id="refund-state-heading" className="text-lg font-medium">
        {t('order.customerRefund')}
      </h2>
      {body}
    </section>
  );
}
