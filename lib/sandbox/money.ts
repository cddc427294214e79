/**
 * The sandbox keeps money in integer centimes so sums are exact; it only becomes a JSON
 * number at the edge, because that is what the upstream sends.
 */
export function toCents(dzd: number) {
  return Math.round(dzd * 100);
}

/** Integer centimes as the number the upstream would write (49625 → 496.25). */
export function centsToNumber(cents: number) {
  return cents / 100;
}

/**
 * What a top-up costs the account: face amount × wholesale multiplier, rounded half-up to the
 * centime. Done in BigInt on the multiplier's digits so 500 × 0.9925 is 496.25, not 496.249….
 */
export function chargeCents(amountDzd: number, cost?: string) {
  if (!cost) return amountDzd * 100;
  const [whole = '0', fraction = ''] = cost.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const multiplier = BigInt(whole + fraction);
  const raw = BigInt(amountDzd) * 100n * multiplier;
  return Number((raw + scale / 2n) / scale);
}
