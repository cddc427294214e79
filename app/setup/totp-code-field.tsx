'use client';

import { Field, Input } from '@/components/ui/field';
import { useT } from '@/lib/i18n/client';

/** The six-digit authenticator code, labelled, with its error (and hint) read out with it. */
export function TotpCodeField({
  id,
  error,
  hint,
}: {
  id: string;
  error: string | null;
  hint?: string;
}) {
  const t = useT();
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean);
  return (
    <>
      <Field id={id} label={t('security.totp.code')} error={error ?? undefined}>
        <Input
          id={id}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={described.length ? described.join(' ') : undefined}
        />
      </Field>
      {hint ? (
        <p id={`${id}-hint`} className="-mt-1 text-xs text-muted-fg">
          {hint}
        </p>
      ) : null}
    </>
  );
}
