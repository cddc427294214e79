import type { SuggestedOffer } from '../../db/schema';
import { sameAmount } from '../money';
import type { Topup as UpstreamTopup } from '../oneclick/schemas';

// The fields OneClick may change on an order without changing its status (a refund message, a
// retry id, suggested offers, what it charged us), and how a fresh answer compares with what
// we hold. The list poll skips an unchanged final order; a changed one gets an event.

export type Details = {
  refundMessage: string | null;
  suggestedOffers: SuggestedOffer[] | null;
  balanceAmount: string | null;
  followOrderId: string | null;
  retryOrderId: string | null;
};

const isZero = (amount: string | null) => amount !== null && /^0+(\.0+)?$/.test(amount);

/**
 * What the upstream charged us, as far as this answer tells. The docs show `balance_amount: 0`
 * on a REFUNDED item of the list while check-id keeps 490: a 0 is only a charge on a delivered
 * top-up, and a missing figure is unknown (reconciliation then reads the ledger).
 */
export function chargeIn(t: Pick<UpstreamTopup, 'balance_amount' | 'status'>): string | null {
  const amount = t.balance_amount ?? null;
  if (amount === null || (isZero(amount) && t.status !== 'FULFILLED')) return null;
  return amount;
}

/** The details of a fresh answer, on top of what we hold: a charge once known stays known. */
export function detailsOf(t: UpstreamTopup, held?: Pick<Details, 'balanceAmount'>): Details {
  return {
    refundMessage: t.refund_message ?? null,
    suggestedOffers: t.suggested_offers ?? null,
    balanceAmount: chargeIn(t) ?? held?.balanceAmount ?? null,
    followOrderId: t.follow_orderid ?? null,
    retryOrderId: t.retry_orderid ?? null,
  };
}

/** Which detail fields differ (compared as the database holds them: numerics normalised). */
export function changedDetails(held: Details, fresh: Details): (keyof Details)[] {
  const changed: (keyof Details)[] = [];
  if (held.refundMessage !== fresh.refundMessage) changed.push('refundMessage');
  if (JSON.stringify(held.suggestedOffers ?? null) !== JSON.stringify(fresh.suggestedOffers))
    changed.push('suggestedOffers');
  const bothNull = held.balanceAmount === null && fresh.balanceAmount === null;
  if (!bothNull && !sameAmount(held.balanceAmount, fresh.balanceAmount))
    changed.push('balanceAmount');
  if (held.followOrderId !== fresh.followOrderId) changed.push('followOrderId');
  if (held.retryOrderId !== fresh.retryOrderId) changed.push('retryOrderId');
  return changed;
}
