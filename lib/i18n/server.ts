import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getSessionUser } from '../auth/session';
import {
  createT,
  DEFAULT_LOCALE,
  fromAcceptLanguage,
  isLocale,
  LOCALE_COOKIE,
  type Locale,
  type T,
} from './index';

/**
 * The language of this request: the signed-in person's saved choice, else the cookie set by
 * the switcher on the sign-in page, else the browser's Accept-Language, else English.
 * Memoised per request: pages ask for it many times.
 */
export const getLocale = cache(async (): Promise<Locale> => {
  const user = await getSessionUser();
  if (user?.locale && isLocale(user.locale)) return user.locale;
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return fromAcceptLanguage((await headers()).get('accept-language')) ?? DEFAULT_LOCALE;
});

export async function getT(): Promise<T> {
  return createT(await getLocale());
}
