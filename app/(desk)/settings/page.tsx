import type { Metadata } from 'next';
import { SecuritySection } from '@/app/setup/security-section';
import { getSession, requireUser } from '@/lib/auth/session';
import { getLocale, getT } from '@/lib/i18n/server';
import { PreferencesForm } from './preferences-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('settings.title') };
}

export default async function SettingsPage() {
  const user = await requireUser();
  const session = await getSession();
  const t = await getT();
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">{t('settings.title')}</h1>
      <p className="text-muted-fg">{t('settings.intro')}</p>
      <PreferencesForm locale={await getLocale()} />
      {session ? <SecuritySection user={user} sessionId={session.sessionId} /> : null}
    </div>
  );
}
