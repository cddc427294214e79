'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';
import { reenableUpstream } from './actions';

export function ReenableButton() {
  const t = useT();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="space-y-1">
      <Button
        variant="danger"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await reenableUpstream({});
            setMessage(
              result.ok
                ? { ok: true, text: t('sync.credentials.retried') }
                : { ok: false, text: result.error },
            );
            router.refresh();
          })
        }
      >
        {pending ? t('sync.credentials.retrying') : t('sync.credentials.retry')}
      </Button>
      <p
        role="status"
        className={message?.ok ? 'text-sm text-success-fg' : 'text-sm text-danger-fg'}
      >
        {message?.text}
      </p>
    </div>
  );
}
