'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';

/** The one and only time the token is visible: nothing but its hash is kept. */
export function NewToken({
  name,
  token,
  onDone,
}: {
  name: string;
  token: string;
  onDone: () => void;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success" className="mb-3 space-y-2">
      <p>{t('tokens.shownOnce', { name })}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          className="ltr-isolate break-all rounded bg-muted px-2 py-1 font-mono"
          data-testid="new-api-token"
        >
          {token}
        </code>
        <Button
          size="sm"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(token);
            setCopied(true);
          }}
        >
          {copied ? t('tokens.copied') : t('tokens.copy')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          {t('tokens.done')}
        </Button>
      </div>
    </Alert>
  );
}
