'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { StatusLine, useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { checkNowAction } from './actions';

export function CheckNowButton({ id }: { id: number }) {
  const t = useT();
  const { pending, outcome, run } = useAction();
  // The event the check wrote, for the page to point at (and tests to wait for).
  const [eventId, setEventId] = useState<number | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        disabled={pending}
        onClick={() =>
          run(() => checkNowAction({ id }), {
            success: (data) => t('order.checkedNow', { status: t(`status.${data.status}`) }),
            onSuccess: (data) => setEventId(data.eventId ?? null),
          })
        }
      >
        {pending ? t('order.checking') : t('order.checkNow')}
      </Button>
      <StatusLine
        outcome={outcome}
        data-testid="check-now-result"
        data-event-id={outcome?.ok ? (eventId ?? undefined) : undefined}
      />
    </div>
  );
}
