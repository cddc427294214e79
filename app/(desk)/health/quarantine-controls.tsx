'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';
import { dismissQuarantineItem, retryQuarantineItem } from './actions';

/** Retry (ask OneClick again) or dismiss (with a reason, for the audit log) one item. */
export function QuarantineControls({ id }: { id: number }) {
  const t = useT();
  const router = useRouter();
  const noteId = useId();
  const [pending, startTransition] = useTransition();
  const [dismissing, setDismissing] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const run = (work: () => Promise<{ ok: boolean; text: string }>) =>
    startTransition(async () => {
      setMessage(await work());
      router.refresh();
    });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          title={t('sync.quarantine.retryHelp')}
          onClick={() =>
            run(async () => {
              const r = await retryQuarantineItem({ id });
              return r.ok
                ? { ok: true, text: t('sync.quarantine.retried', { id: r.data.topupPk }) }
                : { ok: false, text: r.error };
            })
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
            run(async () => {
              const r = await dismissQuarantineItem({ id, note: form.get('note') });
              return r.ok
                ? { ok: true, text: t('sync.quarantine.dismissed') }
                : { ok: false, text: r.fieldErrors?.note ?? r.error };
            })
          }
        >
          <label htmlFor={noteId} className="block text-xs">
            {t('sync.quarantine.dismissNote')}
          </label>
          <input
            id={noteId}
            name="note"
            required
            maxLength={500}
            className="w-full rounded border border-border bg-surface px-2 py-1 text-sm"
          />
          <Button size="sm" type="submit" variant="danger" disabled={pending}>
            {t('sync.quarantine.dismiss')}
          </Button>
        </form>
      ) : null}
      {message ? (
        <p
          role="status"
          className={message.ok ? 'text-xs text-success-fg' : 'text-xs text-danger-fg'}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
