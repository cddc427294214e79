// next-intl's own core (use-intl): plain functions, so workers and scripts load it outside Next.
import { createTranslator } from 'use-intl/core';
import { DESK_TIME_ZONE } from '../time/algiers';
import { catalogueWithArabicIndicDigits } from './digits';
import type { MessageKey, Params } from './format';
import { DEFAULT_LOCALE, intlLocale, type Language, type Locale } from './locales';
import { ar } from './messages/ar';
import { en } from './messages/en';
import { fr } from './messages/fr';

import type { Messages } from './messages/types';

// Messages are ICU MessageFormat (plurals, `{n, number}`), formatted by next-intl. This module
// holds all three catalogues: server code only. Client components get their route's keys, in
// one language, from <ClientMessages> (./client-messages.tsx) and read them with useT().

export type { Messages, Params };
export type Key = MessageKey<typeof en>;
export type T = (key: Key, params?: Params) => string;

export * from './locales';

export const catalogues: Record<Language, Messages> = { en, fr, ar };
const withLocaleDigits: Record<Locale, Messages> = {
  en,
  fr,
  ar,
  'ar-arab': catalogueWithArabicIndicDigits(ar),
};

/** The catalogue a person reads: their language, with their digits in the messages' text. */
export const messagesFor = (locale: Locale): Messages => withLocaleDigits[locale];

/** What a missing or broken message shows instead of crashing: its key (the tests catch it). */
export const messageFallback = ({ namespace, key }: { namespace?: string; key: string }) =>
  namespace ? `${namespace}.${key}` : key;

const translators = new Map<Locale, T>();

/** A translator outside a request (actions' errors, the shop API, scripts): same messages. */
export function createT(locale: Locale = DEFAULT_LOCALE): T {
  let t = translators.get(locale);
  if (!t) {
    t = translatorFor(locale);
    translators.set(locale, t);
  }
  return t;
}

function translatorFor(locale: Locale): T {
  const translate = createTranslator({
    locale: intlLocale(locale),
    messages: messagesFor(locale),
    timeZone: DESK_TIME_ZONE,
    onError: () => {},
    getMessageFallback: messageFallback,
  });
  return (key, params) => (translate as unknown as T)(key, params);
}
