'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { setUserLocale } from '@/db/queries/order-actions';
import { defineAction } from '@/lib/actions/action';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/locales';

/** A person's own language (and digits): saved to their account and to the browser. */
export const saveLocale = defineAction(
  {
    name: 'user.set_locale',
    capability: null,
    input: z.object({ locale: z.enum(LOCALES, { error: 'validation.required' }) }),
  },
  async ({ locale }, ctx) => {
    await setUserLocale(ctx.db, ctx.user.id, locale);
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: '/',
      sameSite: 'lax',
      maxAge: 365 * 86_400,
    });
    return { locale };
  },
);
