'use client';

import { Button } from '@/components/ui/button';
import { SecretBox } from '@/components/ui/secret-box';
import { useT } from '@/lib/i18n/client';

/** Shown once, right after they were made: the server keeps only their hashes. */
export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved?: () => void }) {
  const t = useT();
  return (
    <SecretBox
      title={t('security.totp.recoveryTitle')}
      description={t('kit.secret.recoveryHelp')}
      value={codes}
      data-testid="recovery-codes"
      actions={
        onSaved ? (
          <Button size="sm" onClick={onSaved}>
            {t('security.totp.recoverySaved')}
          </Button>
        ) : null
      }
    />
  );
}
