'use client';

import { ConfirmButton } from '@/components/ui/confirm-button';
import { useT } from '@/lib/i18n/client';
import { revokeApiToken } from './actions';

/** Revoking breaks the shop's integration at once, so it asks first. */
export function RevokeDialog({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useT();
  return (
    <ConfirmButton
      size="sm"
      triggerLabel={t('tokens.revokeFor', { name })}
      title={t('tokens.confirmTitle', { name })}
      description={t('tokens.confirmBody')}
      confirmLabel={t('tokens.revoke')}
      pendingLabel={t('tokens.revoking')}
      action={() => revokeApiToken({ tokenId })}
      success={() => t('kit.tokenRevoked', { name })}
    >
      {t('tokens.revoke')}
    </ConfirmButton>
  );
}
