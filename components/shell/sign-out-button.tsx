'use client';

import { signOut } from 'next-auth/react';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';

export function SignOutButton() {
  const t = useT();
  return (
    <Button variant="secondary" size="sm" onClick={() => signOut({ callbackUrl: '/login' })}>
      {t('nav.signOut')}
    </Button>
  );
}
