import type { Role, TopupStatus } from '../../db/enums';
import type { SuggestedOffer } from '../../db/schema';
import { can } from '../auth/roles';
import { toCents } from '../money';
import type { Refusal } from '../refunds/policy';

// Who may re-send a refunded top-up, with what, in one place. A re-send is money too: it
// spends our OneClick balance, and a customer it serves is owed no refund.

/** Finance and admins in the desk (`resends:create`); the shop through its token's scope. */
export function mayResend(actor: { role: Role | null; viaToken: boolean }): boolean {
  return actor.viaToken || (actor.role !== null && can(actor.role, 'resends:create'));
}

/** The ref of an original's re-send: the same for every attempt, so OneClick refuses a second. */
export function resendRef(originalTopupId: string): string {
  return `fd-resend-${originalTopupId}`;
}

/** The suggested offer asked for, or null: only what OneClick suggested may be sent. */
export function offerAsked(
  offers: readonly SuggestedOffer[] | null,
  asked: { planCode: string; amount: string },
): SuggestedOffer | null {
  const cents = toCents(asked.amount);
  if (cents === null) return null;
  return offers?.find((o) => o.plan_code === asked.planCode && toCents(o.amount) === cents) ?? null;
}

/** Why an order with this stored status and these facts cannot be re-sent (before asking live). */
export function resendRefusal(order: {
  status: TopupStatus;
  suggestedOffers: readonly SuggestedOffer[] | null;
  refundedAt: Date | null;
}): Refusal | null {
  if (order.refundedAt) return { reason: 'resend.refusedRefunded' };
  if (!order.suggestedOffers?.length) return { reason: 'resend.refusedNoOffers' };
  if (order.status !== 'REFUNDED')
    return { reason: 'resend.refusedStatus', params: { status: order.status } };
  return null;
}

/**
 * Whether the desk offers "Re-send as …" on an order: an original OneClick refunded with offers,
 * its customer not refunded, nothing linked that may still serve them, and no re-send made (one
 * that failed or was rejected may be asked again). The service decides again, live.
 */
export function mayOfferResend(
  order: {
    status: TopupStatus;
    suggestedOffers: readonly SuggestedOffer[] | null;
    refundedAt: Date | null;
    parentPk: number | null;
    chainState: string | null;
  },
  resend: { state: string } | null,
): boolean {
  return (
    resendRefusal(order) === null &&
    order.parentPk === null &&
    (order.chainState === null || order.chainState === 'refunded') &&
    (resend === null || resend.state === 'failed' || resend.state === 'rejected')
  );
}

/**
 * A refusal the shared money checks word for refunds (lib/refunds/live.ts, policy.ts), said for
 * a re-send: the same reason, the re-send's words.
 */
export function forResend(refusal: Refusal): Refusal {
  const p = refusal.params ?? {};
  switch (refusal.reason) {
    case 'refund.refusedFulfilled':
      return { reason: 'resend.refusedStatus', params: { status: 'FULFILLED' } };
    case 'refund.refusedUnknown':
      return { reason: 'resend.refusedStatus', params: { status: 'UNKNOWN_ERROR' } };
    case 'refund.refusedInFlight':
      return { reason: 'resend.refusedStatus', params: { status: String(p.status ?? '?') } };
    case 'refund.refusedLinkedServed':
    case 'refund.refusedLinkedUnknown':
    case 'refund.refusedLinkedInFlight':
      return { reason: 'resend.refusedLinked', params: { id: String(p.id ?? '?') } };
    case 'refund.upstreamUnavailable':
      return { ...refusal, reason: 'resend.upstreamUnavailable' };
    case 'refund.checkTooSoon':
      return { ...refusal, reason: 'resend.checkTooSoon' };
    case 'refund.busy':
      return { ...refusal, reason: 'resend.busy' };
    default:
      return refusal;
  }
}
