'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { decideRefundAction, redeliverRefund } from './actions';
import { decideResendAction } from './resend-actions';

export function DecideButtons({ id }: { id: number }) {
  const t = useT();
  const { pending, error, run } = useAction();
  const decide = (decision: 'approve' | 'reject') =>
    // A toast, not a line: once decided, the row leaves the queue and this button with it.
    run(() => decideRefundAction({ id, decision }), {
      success: () => (decision === 'approve' ? t('refund.approved') : t('refund.rejected')),
      toast: true,
    });
  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <Button size="sm" variant="danger" disabled={pending} onClick={() => decide('approve')}>
          {t('refund.approve')}
        </Button>
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => decide('reject')}>
          {t('refund.reject')}
        </Button>
      </div>
      {error ? <Alert tone="danger">{error}</Alert> : null}
    </div>
  );
}

export function RedeliverButton({ id }: { id: number }) {
  const t = useT();
  const { pending, outcome, run } = useAction();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          run(
            () => redeliverRefund({ id }),
            () => t('refund.redelivered'),
          )
        }
      >
        {t('refund.redeliver')}
      </Button>
      <span role="status" className="text-sm">
        {outcome?.text}
      </span>
    </span>
  );
}

/** A second finance user's decision on a re-send waiting for approval. */
export function DecideResendButtons({ id }: { id: number }) {
  const t = useT();
  const { pending, error, run } = useAction();
  const decide = (decision: 'approve' | 'reject') =>
    run(() => decideResendAction({ id, decision }), {
      success: (r) =>
        decision === 'reject'
          ? t('resend.rejected')
          : r.kind === 'sent'
            ? t('resend.sent', { id: r.newTopupId ?? '?' })
            : r.kind === 'sending'
              ? t('resend.sending', { ref: r.ref })
              : t('resend.failed', { message: r.errorMessage ?? r.errorCode ?? '' }),
      toast: true,
    });
  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <Button size="sm" disabled={pending} onClick={() => decide('approve')}>
          {t('resend.approve')}
        </Button>
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => decide('reject')}>
          {t('resend.reject')}
        </Button>
      </div>
      {error ? <Alert tone="danger">{error}</Alert> : null}
    </div>
  );
}
