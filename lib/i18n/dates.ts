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

/** A chart point's short name in Algeria's time: "1 Nov" for a day, "1 Nov, 12:00" for an hour. */
export function formatShortDate(value: Date, locale: Locale, withHour: boolean): string {
  const key = `${locale}:short:${withHour}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(intlLocale(locale), {
      day: 'numeric',
      month: 'short',
      ...(withHour ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
      timeZone: DESK_TIME_ZONE,
    });
    formatters.set(key, fmt);
  }
  return fmt.format(value);
}
