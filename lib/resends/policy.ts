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
