import type { ReactNode } from 'react';
import { DeskShell } from '@/components/shell/desk-shell';
import { ToastProvider } from '@/components/ui/toast';
import { requireUser } from '@/lib/auth/session';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { saveLocale } from './settings/actions';

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <ClientMessages scope="desk">
      <ToastProvider>
        <DeskShell user={user} saveLocale={saveLocale}>
          {children}
        </DeskShell>
      </ToastProvider>
    </ClientMessages>
  );
}
