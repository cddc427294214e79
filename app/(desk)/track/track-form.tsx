'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { trackTopupAction } from './actions';

export function TrackForm({ initialQuery }: { initialQuery: string }) {
  const t = useT();
  const router = useRouter();
  const { pending, outcome, run } = useAction();

  function submit(formData: FormData) {
    run(() => trackTopupAction(formData), {
      onSuccess: (data) => router.push(`/orders/${data.topupPk}`),
      refresh: false,
    });
  }

  return (
    <form action={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
      <Field
        className="flex-1"
        label={t('track.query')}
        error={outcome?.ok === false ? outcome.text : null}
      >
        <Input
          name="query"
          defaultValue={initialQuery}
          required
          placeholder={t('track.placeholder')}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t('track.tracking') : t('track.submit')}
      </Button>
    </form>
  );
}
