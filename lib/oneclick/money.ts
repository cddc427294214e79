import { z } from 'zod';

/**
 * Upstream money arrives as JSON numbers. JSON text like `496.25` parses to the double nearest
 * to it, and `String()` prints the shortest text that round-trips, so it gives back exactly the
 * decimal the upstream wrote. That is done once, here, and only strings travel further: nothing
 * downstream ever adds floats.
 */
export function decimalFromNumber(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(value);
  // Exponent notation (1e21, 1e-7) is not a DZD amount anyone sends; refuse rather than guess.
  if (/e/i.test(text)) return undefined;
  return text === '-0' ? '0' : text;
}

function money(allowNegative: boolean) {
  return z.number({ error: 'must be a number' }).transform((value, ctx) => {
    const text = decimalFromNumber(value);
    if (text === undefined || (!allowNegative && value < 0)) {
      ctx.addIssue({
        code: 'custom',
        message: `not a valid ${allowNegative ? '' : 'non-negative '}amount: ${value}`,
        input: value,
      });
      return z.NEVER;
    }
    return text;
  });
}

/** A non-negative amount (top-up face value, deduction, plan limits) as a decimal string. */
export const amountSchema = money(false);

/**
 * A balance or ledger figure as a decimal string. Signed because the docs never say a balance
 * cannot go below zero, and rejecting a real ledger row would hide it from reconciliation.
 */
export const signedAmountSchema = money(true);

/** A non-negative decimal written as text ("500", "496.25"), kept exactly as written. */
export const decimalTextSchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,6})?$/, 'must be a decimal amount such as 500 or 496.25');
