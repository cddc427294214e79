'use client';

import { Button } from '@/components/ui/button';
import { SecretBox } from '@/components/ui/secret-box';
import { useT } from '@/lib/i18n/client';

/** A new or reset password, shown once: the person must change it at their first sign-in. */
export function TemporaryPassword({
  email,
  temporaryPassword,
  onDone,
}: {
  email: string;
  temporaryPassword: string;
  onDone: () => void;
}) {
  const t = useT();
  return (
    <SecretBox
      title={t('kit.secret.passwordTitle', { email })}
      description={t('kit.secret.passwordHelp')}
      value={temporaryPassword}
      valueTestId="temporary-password"
      actions={
        <Button size="sm" variant="ghost" onClick={onDone}>
          {t('users.done')}
        </Button>
      }
    />
  );
}
