import { interpolate, lookup, type MessageKey, type Params } from './format';
import { en } from './messages/en';

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type Messages = DeepStrings<typeof en>;
export type Key = MessageKey<typeof en>;
export type T = (key: Key, params?: Params) => string;

export const LOCALES = ['en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

const catalogues: Record<Locale, Messages> = { en };

const RTL_LOCALES: ReadonlySet<string> = new Set(['ar']);
export const directionOf = (locale: Locale) => (RTL_LOCALES.has(locale) ? 'rtl' : 'ltr');

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function createT(locale: Locale): T {
  const messages = catalogues[locale];
  return (key, params) => {
    // A key missing here is caught by the catalogue tests; show the key rather than crash.
    const template = lookup(messages, key) ?? lookup(catalogues[DEFAULT_LOCALE], key) ?? key;
    return interpolate(template, params);
  };
}
