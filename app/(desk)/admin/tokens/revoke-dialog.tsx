'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from '@/components/ui/dialog';
import { useT } from '@/lib/i18n/client';
import { revokeApiToken } from './actions';

/** Revoking breaks the shop's integration at once, so it asks first. */
export function RevokeDialog({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function revoke() {
    startTransition(async () => {
      const result = await revokeApiToken({ tokenId });
      if (result.ok) {
        setError(null);
        setOpen(false);
      } else setError(result.error);
    });
  }

  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="danger" aria-label={t('tokens.revokeFor', { name })}>
          {t('tokens.revoke')}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={t('tokens.confirmTitle', { name })}
        description={t('tokens.confirmBody')}
      >
        {error ? (
          <Alert tone="danger" className="mb-3">
            {error}
          </Alert>
        ) : null}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">{t('tokens.cancel')}</Button>
          </DialogClose>
          <Button variant="danger" disabled={pending} onClick={revoke}>
            {pending ? t('tokens.revoking') : t('tokens.revoke')}
          </Button>
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
