'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useT } from '@/lib/i18n/client';
import { trackTopupAction } from './actions';

export function TrackForm({ initialQuery }: { initialQuery: string }) {
  const t = useT();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function submit(formData: FormData) {
    startTransition(async () => {
      const result = await trackTopupAction(formData);
      if (!result.ok) {
        setError(result.fieldErrors?.query ?? result.error);
        return;
      }
      setError(null);
      router.push(`/orders/${result.data.topupPk}`);
    });
  }

  return (
    <form action={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
      <div className="flex-1">
        <Field id="track-query" label={t('track.query')} error={error ?? undefined}>
          <Input
            id="track-query"
            name="query"
            defaultValue={initialQuery}
            required
            placeholder={t('track.placeholder')}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'track-query-error' : undefined}
          />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t('track.tracking') : t('track.submit')}
      </Button>
    </form>
  );
}
