import Link from 'next/link';
import type { ReactNode } from 'react';
import { unreadAlertCount } from '@/db/queries/alerts';
import { bucketCount } from '@/db/queries/counts';
import { can } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/locales';
import { getLocale, getT } from '@/lib/i18n/server';
import { NAV_ITEMS } from '@/lib/nav';
import { currentStanding } from '@/lib/sync/upstream';
import { AlertBell } from './alert-bell';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { LanguageSwitcher } from './language-switcher';
import { NavLink } from './nav-link';
import { SearchBox } from './search-box';
import { goShortcuts } from './shortcuts';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

export async function DeskShell({
  user,
  saveLocale,
  children,
}: {
  user: SessionUser;
  /** The server action that saves the person's language (from the app layer). */
  saveLocale: (input: { locale: Locale }) => Promise<unknown>;
  children: ReactNode;
}) {
  const t = await getT();
  const db = getDb();
  const seesAlerts = can(user.role, 'alerts:read');
  const [standing, unknown, unreadAlerts, locale] = await Promise.all([
    currentStanding(db),
    bucketCount(db, 'UNKNOWN_ERROR'),
    seesAlerts ? unreadAlertCount(db, user.id) : 0,
    getLocale(),
  ]);
  const badges = { unknown };
  const items = NAV_ITEMS.filter(
    (item) => item.capability === null || can(user.role, item.capability),
  );
  const labelled = items.map((item) => ({ href: item.href, label: t(item.label) }));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2"
      >
        {t('app.skipToContent')}
      </a>
      {standing?.state === 'refused' || standing?.blockedUntil ? (
        <div
          role="alert"
          className="bg-danger px-4 py-2 text-center text-sm font-medium text-white"
          data-testid="credentials-banner"
        >
          {standing.blockedUntil
            ? t('sync.credentials.bannerBlocked', {
                time: formatDateTime(standing.blockedUntil, locale),
              })
            : t('sync.credentials.bannerRefused')}
        </div>
      ) : null}
      {getConfig().ONECLICK_SANDBOX === '1' ? (
        <div
          role="note"
          className="bg-warning/20 px-4 py-1.5 text-center text-sm font-medium text-warning-fg"
          data-testid="sandbox-banner"
        >
          {t('app.sandboxBanner')}
        </div>
      ) : null}
      <header className="flex flex-wrap items-center gap-3 border-b border-border bg-surface px-4 py-3">
        <span className="text-lg font-semibold">{t('app.name')}</span>
        {can(user.role, 'orders:read') ? <SearchBox /> : null}
        <div className="ms-auto flex flex-wrap items-center gap-3 text-sm">
          <span data-testid="signed-in-user">
            {t('nav.signedInAs', { name: user.name })}{' '}
            <span
              className="rounded bg-muted px-1.5 py-0.5 text-xs font-medium"
              data-testid="signed-in-role"
            >
              {t(`roles.${user.role}`)}
            </span>
          </span>
          {seesAlerts ? (
            <AlertBell
              unread={unreadAlerts}
              locale={locale}
              label={
                unreadAlerts > 0
                  ? t('alerts.bellUnread', { count: unreadAlerts })
                  : t('alerts.bell')
              }
            />
          ) : null}
          <Link href="/settings" className="text-primary underline-offset-2 hover:underline">
            {t('nav.settings')}
          </Link>
          <LanguageSwitcher save={saveLocale} />
          <ThemeToggle />
          <SignOutButton />
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <nav
          aria-label={t('nav.main')}
          className="border-b border-border bg-surface px-2 py-2 md:w-56 md:shrink-0 md:border-e md:border-b-0"
        >
          <ul className="flex gap-1 overflow-x-auto md:flex-col">
            {items.map((item) => (
              <li key={item.href}>
                <NavLink
                  href={item.href}
                  label={t(item.label)}
                  badge={item.badge ? badges[item.badge] : undefined}
                />
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="min-w-0 flex-1 p-4 md:p-6">
          {children}
        </main>
      </div>
      <KeyboardShortcuts
        goTo={goShortcuts(labelled)}
        searchLabel={can(user.role, 'orders:read') ? t('nav.search') : null}
      />
    </div>
  );
}
