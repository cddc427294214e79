'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useT } from '@/lib/i18n/client';

const REASONS = {
  invalid: 'auth.invalid',
  locked: 'auth.locked',
  disabled: 'auth.disabled',
} as const;

export function LoginForm({
  callbackUrl,
  sessionEnded,
}: {
  callbackUrl: string;
  sessionEnded: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) return setError(t('auth.required'));
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { email, password, redirect: false });
    setPending(false);
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    const key = REASONS[(result?.error ?? 'invalid') as keyof typeof REASONS] ?? REASONS.invalid;
    setError(t(key));
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4 rounded-lg border border-border bg-surface p-6 shadow-sm"
    >
      {sessionEnded && !error ? <Alert tone="info">{t('auth.sessionEnded')}</Alert> : null}
      {error ? (
        <Alert tone="danger" data-testid="login-error">
          {error}
        </Alert>
      ) : null}
      <Field id="email" label={t('auth.email')}>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </Field>
      <Field id="password" label={t('auth.password')}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t('auth.submitting') : t('auth.submit')}
      </Button>
    </form>
  );
}
