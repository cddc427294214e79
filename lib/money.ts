// DZD amounts arrive as decimal strings (numeric columns, upstream numbers turned into text
// once in lib/oneclick/money.ts). Whatever adds or compares them (reconciliation, refund
// thresholds, amount filters) works in integer centimes held as BigInt: 0.1 + 0.2 is exactly
// 0.30 here, never 0.30000000000000004.

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/**
 * "496.25" → 49625n. Null when the text is not a decimal or carries a non-zero digit past the
 * centime ("0.30000000000000004"): such a value is not a DZD amount, and rounding it would hide
 * exactly the kind of difference reconciliation exists to show.
 */
export function toCents(value: string | null | undefined): bigint | null {
  if (value === null || value === undefined) return null;
  const match = DECIMAL.exec(value.trim());
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(2))) return null;
  const cents = BigInt(whole) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/** 49625n → "496.25", -310n → "-3.10", 0n → "0.00": always two decimals, for CSV and formatDzd. */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Sums decimal strings exactly; a value that is not an amount counts as zero (nulls do). */
export function sumAmounts(values: Iterable<string | null | undefined>): string {
  let total = 0n;
  for (const value of values) total += toCents(value) ?? 0n;
  return fromCents(total);
}

export function addAmounts(...values: (string | null | undefined)[]): string {
  return sumAmounts(values);
}

/** a − b, exactly. */
export function subtractAmounts(a: string, b: string): string {
  return fromCents((toCents(a) ?? 0n) - (toCents(b) ?? 0n));
}

/** Equal as money ("496.25" = "496.250" = "+496.25"); false when either is not an amount. */
export function sameAmount(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = toCents(a);
  const y = toCents(b);
  return x !== null && y !== null && x === y;
}

/** The size of a signed ledger amount: a FLEXY debit of "-496.25" cost 496.25. */
export function absAmount(value: string): string {
  const cents = toCents(value);
  if (cents === null) return value;
  return fromCents(cents < 0n ? -cents : cents);
}

/**
 * A DZD amount as people, the configuration and the shop's API write it: whole dinars or up to
 * two decimals, at most a billion ("500", "5000.50"). The one pattern every form, setting and
 * API field uses (and the OpenAPI document shows).
 */
export const DZD_AMOUNT_PATTERN = '^(0|[1-9][0-9]{0,9})(\\.[0-9]{1,2})?$';
export const MAX_DZD = 1_000_000_000;
const DZD_AMOUNT = new RegExp(DZD_AMOUNT_PATTERN);

/** True for a DZD amount written as the pattern says and within MAX_DZD. */
export function isDzdAmount(text: string): boolean {
  if (!DZD_AMOUNT.test(text)) return false;
  const cents = toCents(text);
  return cents !== null && cents <= BigInt(MAX_DZD) * 100n;
}
