'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';

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
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success" className="mb-3 space-y-2">
      <p>{t('users.tempPassword', { email })}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          className="ltr-isolate rounded bg-muted px-2 py-1 font-mono"
          data-testid="temporary-password"
        >
          {temporaryPassword}
        </code>
        <Button
          size="sm"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(temporaryPassword);
            setCopied(true);
          }}
        >
          {copied ? t('users.copied') : t('users.copy')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          {t('users.done')}
        </Button>
      </div>
    </Alert>
  );
}
