import { intlLocale, type Locale } from './locales';

// Counts and percentages in the person's language and digits (Western or Arabic-Indic).

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, style: 'integer' | 'percent'): Intl.NumberFormat {
  const key = `${locale}:${style}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(
      intlLocale(locale),
      style === 'percent' ? { style: 'percent', maximumFractionDigits: 1 } : {},
    );
    formatters.set(key, fmt);
  }
  return fmt;
}

/** 10000 → "10,000" (en), "10 000" (fr), "10.000" or "١٠٬٠٠٠" (ar). */
export function formatNumber(value: number | bigint, locale: Locale): string {
  return formatter(locale, 'integer').format(value);
}

/** 0.953 → "95.3%" (en), "95,3 %" (fr). */
export function formatPercent(ratio: number, locale: Locale): string {
  return formatter(locale, 'percent').format(ratio);
}
