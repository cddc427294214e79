import { DESK_TIME_ZONE } from '../time/algiers';
import { intlLocale, type Locale } from './locales';

// The desk shows times in Algeria's time zone (lib/time/algiers.ts) and says so.

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  const key = `${locale}:dt`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(intlLocale(locale), {
      dateStyle: 'medium',
      timeStyle: 'medium',
      timeZone: DESK_TIME_ZONE,
      hourCycle: 'h23',
    });
    formatters.set(key, fmt);
  }
  return fmt.format(date);
}
