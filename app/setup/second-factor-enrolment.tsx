'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { beginSecondFactor, confirmSecondFactor } from './actions';
import { RecoveryCodes } from './recovery-codes';
import { TotpCodeField } from './totp-code-field';

/** Scan (or type) the key, prove it with a first code, then keep the ten recovery codes. */
export function SecondFactorEnrolment({ doneHref }: { doneHref?: string }) {
  const t = useT();
  const router = useRouter();
  // No refresh until the codes are saved: the page would no longer show this step.
  const { pending, outcome, run } = useAction();
  const [enrolment, setEnrolment] = useState<{ secret: string; qrSvg: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const error = outcome?.ok === false ? outcome.text : null;

  if (codes)
    return (
      <RecoveryCodes
        codes={codes}
        onSaved={() => {
          if (doneHref) router.push(doneHref);
          router.refresh();
        }}
      />
    );
  if (!enrolment)
    return (
      <div className="space-y-2">
        {error ? <Alert tone="danger">{error}</Alert> : null}
        <Button
          disabled={pending}
          onClick={() =>
            run(() => beginSecondFactor({}), { onSuccess: setEnrolment, refresh: false })
          }
        >
          {pending ? t('security.totp.starting') : t('security.totp.start')}
        </Button>
      </div>
    );
  return (
    <div className="space-y-3" data-testid="totp-enrolment">
      <p className="text-sm">{t('security.totp.scan')}</p>
      <div
        role="img"
        aria-label={t('security.totp.qrLabel')}
        className="h-48 w-48 rounded bg-white p-2"
        // The SVG is made on our server from the otpauth URI: no user input reaches it.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-generated QR code SVG
        dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
      />
      <p className="text-sm">
        {t('security.totp.key')}:{' '}
        <code
          className="ltr-isolate break-all rounded bg-muted px-1 font-mono"
          data-testid="totp-secret"
        >
          {enrolment.secret}
        </code>
      </p>
      <form
        className="flex max-w-xs flex-col gap-2"
        action={(data) =>
          run(() => confirmSecondFactor({ code: data.get('code') }), {
            onSuccess: (r) => setCodes(r.recoveryCodes),
            refresh: false,
          })
        }
      >
        <TotpCodeField error={error} hint={t('security.totp.codeHint')} />
        <Button type="submit" disabled={pending}>
          {pending ? t('security.totp.confirming') : t('security.totp.confirm')}
        </Button>
      </form>
    </div>
  );
}
