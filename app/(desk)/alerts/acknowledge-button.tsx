'use client';

import { Button } from '@/components/ui/button';
import { StatusLine, useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { acknowledgeAlertAction } from './actions';

export function AcknowledgeButton({ alertId, title }: { alertId: string; title: string }) {
  const t = useT();
  const { pending, outcome, run } = useAction();
  return (
    <div className="space-y-1">
      <Button
        size="sm"
        disabled={pending}
        aria-label={`${t('alerts.acknowledge')}: ${title}`}
        onClick={() =>
          run(
            () => acknowledgeAlertAction({ alertId }),
            () => t('alerts.acknowledgedToast'),
          )
        }
      >
        {pending ? t('alerts.acknowledging') : t('alerts.acknowledge')}
      </Button>
      <StatusLine outcome={outcome} />
    </div>
  );
}
