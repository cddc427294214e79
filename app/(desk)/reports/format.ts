import type { Locale, T } from '@/lib/i18n';
import { formatDzd } from '@/lib/i18n/money';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import type { ValueFormat } from '@/lib/reports/chart-specs';

export type { ValueFormat };

/** A DZD figure as formatDzd reads it: a decimal string kept as stored, a chart number to cents. */
const dzdText = (value: number | string) =>
  typeof value === 'string' ? value : Number.isInteger(value) ? String(value) : value.toFixed(2);

/**
 * A report figure for people, in their language and digits: 87.5%, 1,204, 14 s, 2.5 h,
 * 12,400 DZD (fr: 87,5 %, 1 204, 12 400 DA). Missing figures read "—"; axes, tooltips and
 * tables all go through here.
 */
export function formatValue(
  value: number | string | null | undefined,
  format: ValueFormat,
  locale: Locale,
  t: T,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (format === 'dzd') return formatDzd(dzdText(value), locale, t('money.currency'));
  const n = Number(value);
  if (Number.isNaN(n)) return '—';
  if (!Number.isFinite(n)) return format === 'seconds' ? t('charts.overAnHour') : '—';
  switch (format) {
    case 'percent':
      return formatPercent(n, locale);
    case 'seconds':
      return t('charts.seconds', { value: formatNumber(Math.round(n), locale) });
    case 'hours':
      return t('charts.hours', { value: formatNumber(Math.round(n * 10) / 10, locale) });
    default:
      return formatNumber(Math.round(n), locale);
  }
}
