'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useT } from '@/lib/i18n/client';
import { changeOwnPassword } from './actions';

export function PasswordForm({ minLength }: { minLength: number }) {
  const t = useT();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{
    ok: boolean;
    text: string;
    fields?: Record<string, string>;
  } | null>(null);
  return (
    <form
      ref={form}
      className="flex max-w-sm flex-col gap-3"
      action={(data) =>
        startTransition(async () => {
          const r = await changeOwnPassword({
            current: data.get('current'),
            next: data.get('next'),
          });
          if (r.ok) {
            form.current?.reset();
            setResult({ ok: true, text: t('security.password.changed') });
            router.refresh();
          } else setResult({ ok: false, text: r.error, fields: r.fieldErrors });
        })
      }
    >
      <Field id="current" label={t('security.password.current')} error={result?.fields?.current}>
        <Input
          id="current"
          name="current"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={result?.fields?.current ? true : undefined}
          aria-describedby={result?.fields?.current ? 'current-error' : undefined}
        />
      </Field>
      <Field id="next" label={t('security.password.next')} error={result?.fields?.next}>
        <Input
          id="next"
          name="next"
          type="password"
          autoComplete="new-password"
          minLength={minLength}
          required
          aria-invalid={result?.fields?.next ? true : undefined}
          aria-describedby={result?.fields?.next ? 'next-error next-hint' : 'next-hint'}
        />
      </Field>
      <p id="next-hint" className="-mt-2 text-xs text-muted-fg">
        {t('security.password.hint', { min: minLength })}
      </p>
      {result && !result.fields ? (
        <Alert tone={result.ok ? 'success' : 'danger'} data-testid="password-result">
          {result.text}
        </Alert>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? t('security.password.saving') : t('security.password.submit')}
      </Button>
    </form>
  );
}
