import type { ReactNode } from 'react';
import { DeskShell } from '@/components/shell/desk-shell';
import { requireUser } from '@/lib/auth/session';

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return <DeskShell user={user}>{children}</DeskShell>;
}
