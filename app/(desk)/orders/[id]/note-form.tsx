'use client';

import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { addNoteAction } from './actions';

export function NoteForm({ id }: { id: number }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { pending, outcome, run } = useAction();
  return (
    <form
      ref={form}
      className="space-y-2"
      action={(data) =>
        run(() => addNoteAction({ id, body: data.get('body') }), {
          success: () => t('order.noteSaved'),
          toast: true,
          onSuccess: () => form.current?.reset(),
        })
      }
    >
      <Field
        id="note-body"
        label={t('order.notes')}
        error={outcome?.ok === false ? outcome.text : null}
      >
        <Textarea name="body" rows={3} maxLength={2000} placeholder={t('order.notePlaceholder')} />
      </Field>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {t('order.noteSave')}
      </Button>
    </form>
  );
}
