'use client';

import { useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { changeOwnPassword } from './actions';

export function PasswordForm({ minLength }: { minLength: number }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { pending, outcome, fieldErrors, run } = useAction();
  const fieldRefused = Object.keys(fieldErrors).length > 0;
  return (
    <form
      ref={form}
      className="flex max-w-sm flex-col gap-3"
      action={(data) =>
        run(() => changeOwnPassword({ current: data.get('current'), next: data.get('next') }), {
          success: () => t('security.password.changed'),
          onSuccess: () => form.current?.reset(),
        })
      }
    >
      <Field label={t('security.password.current')} error={fieldErrors.current}>
        <Input name="current" type="password" autoComplete="current-password" required />
      </Field>
      <Field
        label={t('security.password.next')}
        hint={t('security.password.hint', { min: minLength })}
        error={fieldErrors.next}
      >
        <Input
          name="next"
          type="password"
          autoComplete="new-password"
          minLength={minLength}
          required
        />
      </Field>
      {outcome && !fieldRefused ? (
        <Alert tone={outcome.ok ? 'success' : 'danger'} data-testid="password-result">
          {outcome.text}
        </Alert>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? t('security.password.saving') : t('security.password.submit')}
      </Button>
    </form>
  );
}
