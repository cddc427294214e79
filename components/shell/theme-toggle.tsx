'use client';

import { useEffect, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { THEME_COOKIE } from '@/lib/theme';

type Theme = 'system' | 'light' | 'dark';

/** Light, dark or the system's choice; kept in a cookie so the server renders it without a flash. */
export function ThemeToggle() {
  const t = useT();
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    const root = document.documentElement;
    setTheme(
      root.classList.contains('dark')
        ? 'dark'
        : root.classList.contains('light')
          ? 'light'
          : 'system',
    );
  }, []);
  function apply(next: Theme) {
    setTheme(next);
    const root = document.documentElement;
    root.classList.remove('light', 'dark');
    if (next !== 'system') root.classList.add(next);
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server layout
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  }
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t('nav.theme')}</span>
      <select
        value={theme}
        onChange={(e) => apply(e.target.value as Theme)}
        className="h-8 rounded-md border border-border bg-surface px-2 text-sm"
        aria-label={t('nav.theme')}
      >
        <option value="system">{t('nav.themeSystem')}</option>
        <option value="light">{t('nav.themeLight')}</option>
        <option value="dark">{t('nav.themeDark')}</option>
      </select>
    </label>
  );
}
