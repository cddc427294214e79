'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';
import { checkNowAction } from './actions';

export function CheckNowButton({ id }: { id: number }) {
  const t = useT();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{
    text: string;
    ok: boolean;
    eventId?: number | null;
  } | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await checkNowAction({ id });
            setMessage(
              result.ok
                ? {
                    text: t('order.checkedNow', { status: t(`status.${result.data.status}`) }),
                    ok: true,
                    eventId: result.data.eventId,
                  }
                : { text: result.error, ok: false },
            );
            router.refresh();
          })
        }
      >
        {pending ? t('order.checking') : t('order.checkNow')}
      </Button>
      <p
        role="status"
        aria-live="polite"
        className={message?.ok ? 'text-sm text-success-fg' : 'text-sm text-danger-fg'}
        data-testid="check-now-result"
        data-event-id={message?.eventId ?? undefined}
      >
        {message?.text}
      </p>
    </div>
  );
}
