'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { StatusLine, useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { dismissQuarantineItem, retryQuarantineItem } from './actions';

/** Retry (ask OneClick again) or dismiss (with a reason, for the audit log) one item. */
export function QuarantineControls({ id }: { id: number }) {
  const t = useT();
  const [dismissing, setDismissing] = useState(false);
  const { pending, outcome, run } = useAction();

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          title={t('sync.quarantine.retryHelp')}
          onClick={() =>
            run(
              () => retryQuarantineItem({ id }),
              (data) => t('sync.quarantine.retried', { id: data.topupPk }),
            )
          }
        >
          {t('sync.quarantine.retry')}
        </Button>
        <Button size="sm" variant="ghost" disabled={pending} onClick={() => setDismissing(true)}>
          {t('sync.quarantine.dismiss')}
        </Button>
      </div>
      {dismissing ? (
        <form
          className="space-y-1"
          action={(form) =>
            run(
              () => dismissQuarantineItem({ id, note: form.get('note') }),
              () => t('sync.quarantine.dismissed'),
            )
          }
        >
          <Field label={t('sync.quarantine.dismissNote')}>
            <Input name="note" required maxLength={500} className="h-8" />
          </Field>
          <Button size="sm" type="submit" variant="danger" disabled={pending}>
            {t('sync.quarantine.dismiss')}
          </Button>
        </form>
      ) : null}
      {outcome ? <StatusLine outcome={outcome} small /> : null}
    </div>
  );
}
