'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { signInWithCredentials } from '@/lib/auth/browser';
import type { Key } from '@/lib/i18n';
import { useT } from '@/lib/i18n/client';

const REASONS: Record<string, Key> = {
  invalid: 'auth.invalid',
  locked: 'auth.locked',
  disabled: 'auth.disabled',
  invalid_code: 'security.signIn.wrongCode',
  unavailable: 'auth.unreachable',
};

/**
 * Email and password, then (once a second factor is enrolled) the code from the app. The
 * password is sent again with the code: the server keeps no half-signed-in state.
 */
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
  const [secondStep, setSecondStep] = useState<{ email: string; password: string } | null>(null);

  async function attempt(email: string, password: string, code?: string) {
    setPending(true);
    setError(null);
    // An absent field must not be sent at all (it would arrive as the text "undefined").
    const result = await signInWithCredentials({ email, password, ...(code ? { code } : {}) });
    setPending(false);
    if (result.ok) {
      setSecondStep(null);
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    if (result.error === 'second_factor') return setSecondStep({ email, password });
    if (result.error === 'locked') setSecondStep(null);
    setError(t(REASONS[result.error ?? 'invalid'] ?? 'auth.invalid'));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (secondStep) {
      const code = String(form.get('code') ?? '').trim();
      if (!code) return setError(t('auth.required'));
      return attempt(secondStep.email, secondStep.password, code);
    }
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) return setError(t('auth.required'));
    return attempt(email, password);
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4 rounded-lg border border-border bg-surface p-6 shadow-sm"
    >
      {sessionEnded && !error && !secondStep ? (
        <Alert tone="info">{t('auth.sessionEnded')}</Alert>
      ) : null}
      {error ? (
        <Alert tone="danger" data-testid="login-error">
          {error}
        </Alert>
      ) : null}
      {secondStep ? (
        <>
          <p className="text-sm font-medium">{t('security.signIn.codeTitle')}</p>
          {/* A fixed id: the e2e page object finds the code box by it. */}
          <Field id="code" label={t('security.signIn.code')} hint={t('security.signIn.codeHint')}>
            <Input
              name="code"
              autoComplete="one-time-code"
              inputMode="text"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={16}
              required
              autoFocus
            />
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? t('auth.submitting') : t('security.signIn.verify')}
          </Button>
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              setSecondStep(null);
              setError(null);
            }}
          >
            {t('security.signIn.back')}
          </Button>
        </>
      ) : (
        <>
          <Field label={t('auth.email')}>
            <Input name="email" type="email" autoComplete="username" required autoFocus />
          </Field>
          <Field label={t('auth.password')}>
            <Input name="password" type="password" autoComplete="current-password" required />
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? t('auth.submitting') : t('auth.submit')}
          </Button>
        </>
      )}
    </form>
  );
}
