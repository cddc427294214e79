import { interpolate, lookup, type MessageKey, type Params } from './format';
import { DEFAULT_LOCALE, intlLocale, type Language, type Locale, languageOf } from './locales';
import { ar } from './messages/ar';
import { en } from './messages/en';
import { fr } from './messages/fr';

import type { Messages } from './messages/types';

export type { Messages };
export type Key = MessageKey<typeof en>;
export type T = (key: Key, params?: Params) => string;

export * from './locales';

export const catalogues: Record<Language, Messages> = { en, fr, ar };

export function createT(locale: Locale): T {
  const messages = catalogues[languageOf(locale)];
  return (key, params) => {
    // A key missing here is caught by the catalogue tests; show the key rather than crash.
    const template =
      lookup(messages, key) ?? lookup(catalogues[languageOf(DEFAULT_LOCALE)], key) ?? key;
    return interpolate(template, params, intlLocale(locale));
  };
}
