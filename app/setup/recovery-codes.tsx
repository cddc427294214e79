'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';

/** Shown once, right after they were made: the server keeps only their hashes. */
export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved?: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby="recovery-title" className="space-y-2" data-testid="recovery-codes">
      <h3 id="recovery-title" className="font-medium">
        {t('security.totp.recoveryTitle')}
      </h3>
      <Alert tone="warning">{t('security.totp.recoveryHelp')}</Alert>
      <ol className="grid max-w-sm grid-cols-2 gap-1 font-mono text-sm" dir="ltr">
        {codes.map((c) => (
          <li key={c} className="rounded bg-muted px-2 py-1">
            {c}
          </li>
        ))}
      </ol>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(codes.join('\n'));
            setCopied(true);
          }}
        >
          {copied ? t('security.totp.copied') : t('security.totp.copy')}
        </Button>
        {onSaved ? <Button onClick={onSaved}>{t('security.totp.recoverySaved')}</Button> : null}
      </div>
    </section>
  );
}
