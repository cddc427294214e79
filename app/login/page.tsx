import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LanguageSwitcher } from '@/components/shell/language-switcher';
import { getSessionUser } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { LoginForm } from './login-form';
import { safeCallbackUrl } from './safe-callback';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('auth.submit') };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getT();
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-2xl font-semibold">{t('auth.title')}</h1>
        <p className="mb-6 text-sm text-muted-fg">{t('app.tagline')}</p>
        <LoginForm callbackUrl={callbackUrl} sessionEnded={params.reason === 'session'} />
        <div className="mt-4 flex justify-center">
          <LanguageSwitcher />
        </div>
      </div>
    </main>
  );
}
