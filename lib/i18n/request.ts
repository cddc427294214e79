import { getRequestConfig } from 'next-intl/server';
import { DESK_TIME_ZONE } from '../time/algiers';
import { intlLocale, messageFallback, runtimeMessagesFor } from './index';
import { getLocale } from './server';

// next-intl's per-request configuration (wired in next.config.js): the person's language and
// digits, Algeria's time zone, and the whole catalogue of that language for server rendering.
// Client components never receive it whole: see ./client-messages.tsx.
export default getRequestConfig(async () => {
  const locale = await getLocale();
  return {
    locale: intlLocale(locale),
    messages: runtimeMessagesFor(locale),
    timeZone: DESK_TIME_ZONE,
    getMessageFallback: messageFallback,
    onError: (error) => {
      // A missing key shows as the key and is caught by the catalogue and route-key tests.
      if (process.env.NODE_ENV !== 'production') console.error(error.message);
    },
  };
});
