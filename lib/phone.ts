import type { Operator } from '../db/enums';

// Algerian mobile numbers in the form the upstream stores them: 0 + 9 digits, the first naming
// the operator (05 Ooredoo, 06 Mobilis, 07 Djezzy).

/** The digit after the 0 of each operator's numbers; the seed numbers its customers with it. */
export const OPERATOR_PREFIX = {
  Djezzy: '7',
  Mobilis: '6',
  Ooredoo: '5',
} as const satisfies Record<Exclude<Operator, 'Other'>, string>;

const PREFIX_OPERATOR = new Map<string, Operator>(
  Object.entries(OPERATOR_PREFIX).map(([op, digit]) => [digit, op as Operator]),
);
const NATIONAL = new RegExp(`^[${[...PREFIX_OPERATOR.keys()].join('')}]\\d{8}$`);

/**
 * Reads a number typed in any common form — "0778037340", "778037340", "213778037340",
 * "+213 778 03 73 40", "00213-778-03-73-40" — and returns "0778037340", or null when it is
 * not an Algerian mobile number.
 */
export function normalizeMsisdn(input: string): string | null {
  const compact = input.trim().replace(/[\s\-.()/]/g, '');
  const digits = compact.replace(/^\+/, '');
  if (!/^\d+$/.test(digits)) return null;
  let national: string;
  if (digits.startsWith('00213')) national = digits.slice(5);
  else if (digits.startsWith('213') && digits.length === 12) national = digits.slice(3);
  else if (digits.startsWith('0') && digits.length === 10) national = digits.slice(1);
  else if (digits.length === 9) national = digits;
  else return null;
  return NATIONAL.test(national) ? `0${national}` : null;
}

/** The operator of a top-up: from its plan code when it names one, else from the number. */
export function operatorOf(planCode: string, msisdn: string): Operator {
  const plan = planCode.toUpperCase();
  if (plan.includes('DJEZZY')) return 'Djezzy';
  if (plan.includes('OOREDOO')) return 'Ooredoo';
  // Pixx and Sama are Mobilis fixed plans.
  if (plan.includes('MOBILIS') || plan.startsWith('PIXX') || plan.startsWith('SAMA'))
    return 'Mobilis';
  return PREFIX_OPERATOR.get(msisdn.charAt(1)) ?? 'Other';
}
