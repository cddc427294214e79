/** Arabic texts the upstream sends, copied from the docs (seeds/check-by-id.md). */
export const MESSAGES = {
  wrongNumber: 'رقم الهاتف خاطئ، يرجى التأكد مع العميل',
  planMismatch: 'هذا العرض غير متوافق مع هذا الرقم جرب فاتورة',
  unknownError:
    'هذه العملية حالتها غير معروفة، يرجى التأكد مع عميلك، ولن نتحمل أي مسؤولية عن أي خسائر. إذا فشلت العملية بالفعل، فلا تقلق، سيتم استرداد أموالك خلال 24 ساعة',
  /** The refunded example's message ("requested balance not available for this number"). */
  balanceUnavailable: 'الرصيد المطلوب غير متوفر لهذا الرقم',
} as const;

export type Offer = { typename: string; plan_code: string; amount: number };

/** The docs' plan-mismatch suggestion, verbatim. */
export const FACTURE_OFFER: Offer = {
  typename: '📋 FACTURE | فاتورة',
  plan_code: 'FACTURE_DJEZZY',
  amount: 500,
};

/**
 * What a GETMENU plan answers with. The docs only say it returns the number's offers in
 * `suggested_offers` (several items); these offers are the sandbox's invention.
 */
export function menuOffers(operator: string): Offer[] {
  const plan = `PREPAID_${operator.toUpperCase()}`;
  return [
    { typename: `📱 ${operator} 100 | رصيد`, plan_code: plan, amount: 100 },
    { typename: `📱 ${operator} 500 | رصيد`, plan_code: plan, amount: 500 },
    { typename: `📱 ${operator} 1000 | رصيد`, plan_code: plan, amount: 1000 },
  ];
}
