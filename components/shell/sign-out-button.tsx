'use client';

import { Button } from '@/components/ui/button';
import { signOutTo } from '@/lib/auth/browser';
import { useT } from '@/lib/i18n/client';

export function SignOutButton() {
  const t = useT();
  return (
    <Button variant="secondary" size="sm" onClick={() => signOutTo('/login')}>
      {t('nav.signOut')}
    </Button>
  );
}
