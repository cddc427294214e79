import compile from 'icu-minify/compile';
// next-intl's own core (use-intl): plain functions, so workers and scripts load it outside Next.
import { createTranslator } from 'use-intl/core';
import formatMessage from 'use-intl/format-message';
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

/**
 * True when this bundle formats precompiled messages: next.config.js points next-intl's
 * formatter at its format-only half (icu-minify, < 1 KB), so no page ships the ICU parser
 * (intl-messageformat, ~12 KB compressed). Workers and scripts run outside Next with the full
 * formatter and read the ICU text as written.
 */
export const PRECOMPILED_MESSAGES = formatMessage.raw === false;

type Tree = { [key: string]: unknown };
// The compiler's plural and select options are null-prototype objects, which React cannot send
// to client components: rebuilt as plain objects and arrays.
const plain = (compiled: unknown): unknown => JSON.parse(JSON.stringify(compiled));
const compileTree = (tree: Tree): Tree =>
  Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [
      key,
      typeof value === 'string' ? plain(compile(value)) : compileTree(value as Tree),
    ]),
  );
/** A catalogue with every message precompiled for next-intl's format-only formatter. */
export const compileMessages = (messages: Messages): Messages =>
  compileTree(messages as unknown as Tree) as unknown as Messages;

const compiled = new Map<Locale, Messages>();

/** The catalogue in the form this bundle's formatter reads (see PRECOMPILED_MESSAGES). */
export function runtimeMessagesFor(locale: Locale): Messages {
  if (!PRECOMPILED_MESSAGES) return messagesFor(locale);
  let messages = compiled.get(locale);
  if (!messages) {
    messages = compileMessages(messagesFor(locale));
    compiled.set(locale, messages);
  }
  return messages;
}

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
    messages: runtimeMessagesFor(locale),
    timeZone: DESK_TIME_ZONE,
    onError: () => {},
    getMessageFallback: messageFallback,
  });
  return (key, params) => (translate as unknown as T)(key, params);
}
