import { intlLocale, type Locale } from './locales';

const integers = new Map<string, Intl.NumberFormat>();

/**
 * "1234567.50" → "1,234,567.50 DZD" (en), without ever turning the amount into a float: the
 * integer part is grouped as a BigInt, the cents are kept as written (dropped when zero).
 */
export function formatDzd(
  amount: string | null | undefined,
  locale: Locale,
  currencyLabel = 'DZD',
): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return amount;
  const [, sign = '', whole = '0', fraction = ''] = match;
  let fmt = integers.get(locale);
  if (!fmt) {
    fmt = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 });
    integers.set(locale, fmt);
  }
  const cents = fraction.replace(/0+$/, '') === '' ? '' : fraction.padEnd(2, '0').slice(0, 2);
  const decimal = fmt.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return `${sign}${fmt.format(BigInt(whole))}${cents ? `${decimal}${cents}` : ''} ${currencyLabel}`;
}
