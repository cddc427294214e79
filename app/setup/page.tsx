import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LanguageSwitcher } from '@/components/shell/language-switcher';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { getSession } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { saveLocale } from '../(desk)/settings/actions';
import { PasswordForm } from './password-form';
import { SecondFactorEnrolment } from './second-factor-enrolment';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('security.setup.title') };
}

/**
 * Before the desk opens: a temporary password is replaced, then (finance, admin) a second factor
 * is enrolled. Every other page and action refuses a session that still has a step to do.
 */
export default async function SetupPage() {
  const session = await getSession();
  if (!session) redirect('/login?reason=session');
  const t = await getT();
  return (
    <main id="main" className="mx-auto max-w-xl space-y-6 px-4 py-10">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t('security.setup.title')}</h1>
        <div className="flex items-center gap-2">
          <LanguageSwitcher save={saveLocale} />
          <SignOutButton />
        </div>
      </div>
      <p className="text-muted-fg">{t('security.setup.intro')}</p>
      {session.pending === 'change_password' ? (
        <section className="space-y-3" data-testid="setup-password">
          <p className="font-medium">{t('security.setup.passwordStep')}</p>
          <PasswordForm minLength={MIN_PASSWORD_LENGTH} />
        </section>
      ) : session.pending === 'enrol_second_factor' ? (
        <section className="space-y-3" data-testid="setup-second-factor">
          <p className="font-medium">{t('security.setup.totpStep')}</p>
          <SecondFactorEnrolment doneHref="/" />
        </section>
      ) : (
        <Link href="/" className="text-primary underline underline-offset-2">
          {t('security.setup.done')}
        </Link>
      )}
    </main>
  );
}
