'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import {
  LANGUAGES,
  type Language,
  LOCALE_COOKIE,
  type Locale,
  languageOf,
} from '@/lib/i18n/locales';

/**
 * Switches the desk's language without losing the current view (a refresh of the same URL).
 * Signed in, the page passes the action that saves it to the account; on the sign-in page the
 * choice goes to the browser only.
 */
export function LanguageSwitcher({
  save,
}: {
  save?: (input: { locale: Locale }) => Promise<unknown>;
}) {
  const t = useT();
  const router = useRouter();
  const current = useLocale();
  const [pending, startTransition] = useTransition();
  function choose(language: Language) {
    // Arabic keeps the digits the person chose before.
    const locale: Locale = language === 'ar' && current === 'ar-arab' ? 'ar-arab' : language;
    startTransition(async () => {
      if (save) await save({ locale });
      // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server
      else document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
      router.refresh();
    });
  }
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t('language.label')}</span>
      <select
        aria-label={t('language.label')}
        value={languageOf(current)}
        disabled={pending}
        onChange={(e) => choose(e.target.value as Language)}
        className="h-8 rounded-md border border-border bg-surface px-2 text-sm"
        data-testid="language-switcher"
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
