'use client';

import { useLocale as useIntlLocale, useTranslations } from 'next-intl';
import type { Key, Params, T } from './index';
import { fromIntlLocale, type Locale } from './locales';

// Client components read the messages their route was given (<ClientMessages>) in the
// person's language only. Import types from ./index, never values: it holds every catalogue.

export function useLocale(): Locale {
  return fromIntlLocale(useIntlLocale());
}

export function useT(): T {
  const translate = useTranslations();
  return translate as unknown as (key: Key, params?: Params) => string;
}
