'use client';

import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { createT, DEFAULT_LOCALE, type Locale, type T } from './index';

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): T {
  const locale = useContext(LocaleContext);
  return useMemo(() => createT(locale), [locale]);
}
