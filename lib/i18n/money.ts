import { intlLocale, type Locale, languageOf } from './locales';

// DZD amounts on screen, in the person's language and digits: «1,488.75 DZD», «1 488,75 DA»,
// «1.488,75 دج» or «١٬٤٨٨٫٧٥ دج». Amounts are decimal strings and never become floats.

const CURRENCY = { en: 'DZD', fr: 'DA', ar: 'دج' } as const;
/** Glues the number to its currency, so a line never breaks between them. */
const NO_BREAK_SPACE = '\u00a0';

type Separators = { integers: Intl.NumberFormat; decimal: string };
const separators = new Map<Locale, Separators>();

function separatorsOf(locale: Locale): Separators {
  let s = separators.get(locale);
  if (!s) {
    const tag = intlLocale(locale);
    // The decimal sign comes from a format that has fraction digits (one without them has none).
    const decimal =
      new Intl.NumberFormat(tag, { minimumFractionDigits: 1 })
        .formatToParts(1.5)
        .find((p) => p.type === 'decimal')?.value ?? '.';
    s = { integers: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }), decimal };
    separators.set(locale, s);
  }
  return s;
}

/** The currency's name as the person's language writes it. */
export const currencyLabel = (locale: Locale) => CURRENCY[languageOf(locale)];

/**
 * "1488.75" → «1,488.75 DZD» (en): the integer part is grouped as a BigInt, the cents are kept
 * as written (dropped when zero), in the person's digits.
 */
export function formatDzd(
  amount: string | null | undefined,
  locale: Locale,
  label: string = currencyLabel(locale),
): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return amount;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const { integers, decimal } = separatorsOf(locale);
  const cents = fraction.replace(/0+$/, '') === '' ? '' : fraction.padEnd(2, '0').slice(0, 2);
  const centsShown = cents ? `${decimal}${localDigits(cents, integers)}` : '';
  return `${sign}${integers.format(BigInt(whole))}${centsShown}${NO_BREAK_SPACE}${label}`;
}

/** "75" in the formatter's digits (Arabic-Indic when chosen), keeping a leading zero. */
function localDigits(digits: string, integers: Intl.NumberFormat): string {
  return [...digits].map((d) => integers.format(Number(d))).join('');
}
