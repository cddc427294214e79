import 'server-only';
import { cookies } from 'next/headers';
import { createT, DEFAULT_LOCALE, isLocale, type Locale, type T } from './index';

export const LOCALE_COOKIE = 'flexy-locale';

/** The signed-in person's language; the desk speaks English until more catalogues exist. */
export async function getLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
}

export async function getT(): Promise<T> {
  return createT(await getLocale());
}
