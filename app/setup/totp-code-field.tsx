'use client';

import { Field, Input } from '@/components/ui/field';
import { useT } from '@/lib/i18n/client';

/** The six-digit authenticator code, labelled, with its error (and hint) read out with it. */
export function TotpCodeField({
  error,
  hint,
}: {
  error: string | null | undefined;
  hint?: string;
}) {
  const t = useT();
  return (
    <Field label={t('security.totp.code')} hint={hint} error={error}>
      <Input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required />
    </Field>
  );
}
