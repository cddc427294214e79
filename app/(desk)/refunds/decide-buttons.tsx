'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';
import { decideRefundAction, redeliverRefund } from './actions';

export function DecideButtons({ id }: { id: number }) {
  const t = useT();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const decide = (decision: 'approve' | 'reject') =>
    startTransition(async () => {
      const res = await decideRefundAction({ id, decision });
      setResult(
        res.ok
          ? { ok: true, text: decision === 'approve' ? t('refund.approved') : t('refund.rejected') }
          : { ok: false, text: res.error },
      );
      router.refresh();
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
      {result ? <Alert tone={result.ok ? 'success' : 'danger'}>{result.text}</Alert> : null}
    </div>
  );
}

export function RedeliverButton({ id }: { id: number }) {
  const t = useT();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const res = await redeliverRefund({ id });
            setText(res.ok ? t('refund.redelivered') : res.error);
            router.refresh();
          })
        }
      >
        {t('refund.redeliver')}
      </Button>
      <span role="status" className="text-sm">
        {text}
      </span>
    </span>
  );
}
