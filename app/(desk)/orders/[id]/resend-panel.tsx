import Link from 'next/link';
import { DecideResendButtons } from '@/app/(desk)/refunds/decide-buttons';
import { Alert } from '@/components/ui/alert';
import type { ResendView } from '@/db/queries/resends';
import { can } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatDzd } from '@/lib/i18n/money';
import { getLocale, getT } from '@/lib/i18n/server';
import { mayDecide } from '@/lib/refunds/policy';

/** Where the order's re-send with a suggested offer stands, and its approval controls. */
export async function ResendPanel({ resend, user }: { resend: ResendView; user: SessionUser }) {
  const [t, locale] = [await getT(), await getLocale()];
  const params = {
    plan: resend.planCode,
    amount: formatDzd(resend.amount, locale, t('money.currency')),
    who: resend.byName ?? resend.createdVia,
    time: formatDateTime(resend.createdAt, locale),
  };
  let body: React.ReactNode;
  switch (resend.state) {
    case 'awaiting_approval':
      body = (
        <>
          <p data-testid="resend-state">{t('resend.requestedBy', params)}</p>
          {can(user.role, 'resends:create') &&
          mayDecide(resend, { userId: user.id, role: user.role }) ? (
            <DecideResendButtons id={resend.originalPk} />
          ) : null}
        </>
      );
      break;
    case 'sending':
      body = (
        <Alert tone="warning" data-testid="resend-state">
          {t('resend.sendingBy', params)}
        </Alert>
      );
      break;
    case 'sent':
      body = (
        <p data-testid="resend-state">
          {t('resend.sentBy', params)}{' '}
          {resend.newTopupPk ? (
            <Link
              href={`/orders/${resend.newTopupPk}`}
              className="text-primary underline underline-offset-2"
            >
              <bdi>{resend.newTopupId}</bdi>
            </Link>
          ) : (
            <bdi>{resend.newTopupId}</bdi>
          )}
          {resend.delivery ? (
            <span className="block text-sm" data-testid="resend-delivery">
              <strong>{t('refund.delivery')}:</strong>{' '}
              {resend.delivery === 'delivered'
                ? t('refund.delivery_delivered', {
                    time: resend.deliveredAt ? formatDateTime(resend.deliveredAt, locale) : '—',
                  })
                : resend.delivery === 'pending'
                  ? t('refund.delivery_pending', { attempts: resend.deliveryAttempts ?? 0 })
                  : t('resend.deliveryNotConfigured')}
            </span>
          ) : null}
        </p>
      );
      break;
    case 'failed':
      body = (
        <Alert tone="danger" data-testid="resend-state">
          {t('resend.failedBy', {
            ...params,
            message: resend.errorMessage ?? resend.errorCode ?? '',
          })}
        </Alert>
      );
      break;
    case 'rejected':
      body = (
        <p data-testid="resend-state">
          {t('resend.rejectedBy', {
            plan: resend.planCode,
            time: formatDateTime(resend.decidedAt ?? resend.createdAt, locale),
          })}
        </p>
      );
      break;
  }
  return (
    <section aria-labelledby="resend-heading" className="space-y-2" data-testid="resend-panel">
      <h2 id="resend-heading" className="text-lg font-medium">
        {t('resend.title')}
      </h2>
      {body}
    </section>
  );
}
