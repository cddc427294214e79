'use client';

import { Button } from '@/components/ui/button';
import { StatusLine, useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { reenableUpstream } from './actions';

export function ReenableButton() {
  const t = useT();
  const { pending, outcome, run } = useAction();
  return (
    <div className="space-y-1">
      <Button
        variant="danger"
        disabled={pending}
        onClick={() =>
          run(
            () => reenableUpstream({}),
            () => t('sync.credentials.retried'),
          )
        }
      >
        {pending ? t('sync.credentials.retrying') : t('sync.credentials.retry')}
      </Button>
      <StatusLine outcome={outcome} />
    </div>
  );
}
