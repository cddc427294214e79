'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { StatusLine, useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { replaceRecoveryCodes, signOutOtherSessions } from './actions';
import { RecoveryCodes } from './recovery-codes';
import { TotpCodeField } from './totp-code-field';

/** Stays mounted when the list refreshes to "no other session", so its confirmation stays. */
export function SignOutOthers({ others }: { others: number }) {
  const t = useT();
  const { pending, outcome, run } = useAction();
  return (
    <div className="space-y-1">
      {others === 0 ? <p className="text-sm">{t('security.sessions.none')}</p> : null}
      <Button
        variant="secondary"
        hidden={others === 0}
        disabled={pending}
        onClick={() =>
          run(
            () => signOutOtherSessions({}),
            (data) => t('security.sessions.signedOutOthers', { count: data.ended }),
          )
        }
      >
        {pending ? t('security.sessions.signingOut') : t('security.sessions.signOutOthers')}
      </Button>
      <StatusLine outcome={outcome} />
    </div>
  );
}

export function RegenerateRecoveryCodes() {
  const t = useT();
  // No refresh: the new codes are only in this component's state, shown once.
  const { pending, outcome, run } = useAction();
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes)
    return (
      <div className="space-y-2">
        <Alert tone="success">{t('security.totp.regenerated')}</Alert>
        <RecoveryCodes codes={codes} />
      </div>
    );
  return (
    <form
      className="flex max-w-xs flex-col gap-2"
      action={(data) =>
        run(() => replaceRecoveryCodes({ code: data.get('code') }), {
          onSuccess: (r) => setCodes(r.recoveryCodes),
          refresh: false,
        })
      }
    >
      <p className="text-sm text-muted-fg">{t('security.totp.regenerateHelp')}</p>
      <TotpCodeField error={outcome?.ok === false ? outcome.text : null} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('security.totp.regenerate')}
      </Button>
    </form>
  );
}
