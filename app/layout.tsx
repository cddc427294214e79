import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { directionOf, languageOf } from '@/lib/i18n';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { getLocale, getT } from '@/lib/i18n/server';
import { THEME_COOKIE } from '@/lib/theme';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: { default: t('app.name'), template: `%s · ${t('app.name')}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const theme = (await cookies()).get(THEME_COOKIE)?.value;
  return (
    <html
      lang={languageOf(locale)}
      dir={directionOf(locale)}
      className={theme === 'dark' || theme === 'light' ? theme : undefined}
    >
      <body className="min-h-screen antialiased">
        <ClientMessages scope="root">{children}</ClientMessages>
      </body>
    </html>
  );
}
