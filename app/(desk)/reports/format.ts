import { intlLocale, type Locale } from '@/lib/i18n/locales';

export type ValueFormat = 'percent' | 'count' | 'seconds' | 'hours' | 'dzd';

/** Chart numbers for people: 87.5 %, 1,204, 14 s, 2.5 h, 12,400 DZD (Western digits). */
export function formatValue(
  value: number | null | undefined,
  format: ValueFormat,
  locale: Locale,
  currency = 'DZD',
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return format === 'seconds' ? '> 1 h' : '—';
  const n = (opts: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(intlLocale(locale), opts).format(value);
  switch (format) {
    case 'percent':
      return n({ style: 'percent', maximumFractionDigits: 1 });
    case 'seconds':
      return `${n({ maximumFractionDigits: 0 })} s`;
    case 'hours':
      return `${n({ maximumFractionDigits: 1 })} h`;
    case 'dzd':
      return `${n({ maximumFractionDigits: 0 })} ${currency}`;
    default:
      return n({ maximumFractionDigits: 0 });
  }
}
