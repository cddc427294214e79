// Algerian mobile numbers in the form the upstream stores them: 0 + 9 digits (05/06/07).

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
  return /^[567]\d{8}$/.test(national) ? `0${national}` : null;
}

const PREFIX_OPERATOR: Record<string, string> = { '5': 'Ooredoo', '6': 'Mobilis', '7': 'Djezzy' };

/** The operator of a top-up: from its plan code when it names one, else from the number. */
export function operatorOf(planCode: string, msisdn: string): string {
  const plan = planCode.toUpperCase();
  if (plan.includes('DJEZZY')) return 'Djezzy';
  if (plan.includes('OOREDOO')) return 'Ooredoo';
  // Pixx and Sama are Mobilis fixed plans.
  if (plan.includes('MOBILIS') || plan.startsWith('PIXX') || plan.startsWith('SAMA'))
    return 'Mobilis';
  return PREFIX_OPERATOR[msisdn.charAt(1)] ?? 'Other';
}
