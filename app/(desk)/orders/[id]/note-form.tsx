'use client';

import { useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';
import { addNoteAction } from './actions';

export function NoteForm({ id }: { id: number }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      ref={form}
      className="space-y-2"
      action={(data) =>
        startTransition(async () => {
          const result = await addNoteAction({ id, body: data.get('body') });
          if (result.ok) {
            setError(null);
            form.current?.reset();
          } else setError(result.fieldErrors?.body ?? result.error);
        })
      }
    >
      <label htmlFor="note-body" className="block text-sm font-medium">
        {t('order.notes')}
      </label>
      <textarea
        id="note-body"
        name="body"
        rows={3}
        maxLength={2000}
        placeholder={t('order.notePlaceholder')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'note-error' : undefined}
        className="w-full rounded-md border border-border bg-surface p-2 text-sm focus-visible:outline-2 focus-visible:outline-ring"
      />
      {error ? (
        <p id="note-error" className="text-sm text-danger-fg">
          {error}
        </p>
      ) : null}
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {t('order.noteSave')}
      </Button>
    </form>
  );
}
