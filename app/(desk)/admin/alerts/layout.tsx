import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

// This route's client components get only the messages they use (lib/i18n/client-keys.ts).
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="(desk)/admin/alerts">{children}</ClientMessages>;
}
