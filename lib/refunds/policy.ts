import type { LinkKind, Role, TopupStatus } from '../../db/enums';
import { can } from '../auth/roles';
import type { Key } from '../i18n';
import { toCents } from '../money';

// Who may refund what, in one place (shared/DESIGN.md, "Refund rules"). A customer is refunded
// only when OneClick itself says REFUNDED, confirmed live at the moment of the refund.

export type Refusal = {
  reason: Key;
  params?: Record<string, string | number>;
  /** Set on "not now" refusals: the same request may succeed after this many seconds. */
  retryAfterS?: number;
};

/** Seconds a refund refused as busy is told to wait: about one upstream answer. */
export const BUSY_RETRY_AFTER_S = 5;

/**
 * Not now: another refund of the same order (or its chain) is being confirmed with OneClick, or
 * every refund connection of this process is.
 */
export function busyRefusal(scope: 'order' | 'desk'): Refusal {
  return {
    reason: scope === 'order' ? 'refund.busy' : 'refund.overloaded',
    retryAfterS: BUSY_RETRY_AFTER_S,
  };
}

/** Not now: OneClick was asked about this order `seconds` ago; the next live check in `wait`. */
export function tooSoonRefusal(slot: { seconds: number; wait: number }): Refusal {
  return {
    reason: 'refund.checkTooSoon',
    params: { seconds: slot.seconds, wait: slot.wait },
    retryAfterS: slot.wait,
  };
}

/**
 * Finance and admins in the desk (the role table decides: `refunds:create`); the merchant's
 * shop through its API token (whose `refund` scope the token API checked already).
 */
export function mayRequestRefund(actor: { role: Role | null; viaToken: boolean }): boolean {
  return actor.viaToken || (actor.role !== null && can(actor.role, 'refunds:create'));
}

/**
 * Maker-checker: a refund waiting for approval is decided by another finance user than the one
 * who asked for it. The panel hides the buttons with this, and the service refuses with it.
 */
export function mayDecide(
  refund: { createdBy: string | null },
  actor: { userId: string | null; role: Role | null },
): boolean {
  if (actor.role === null || !can(actor.role, 'refunds:create')) return false;
  return !(refund.createdBy && refund.createdBy === actor.userId);
}

/** Why a top-up with this live upstream status cannot be refunded, or null if it can. */
export function refusalFor(
  liveStatus: TopupStatus,
  opts: { nextCheckAt: string | null },
): Refusal | null {
  switch (liveStatus) {
    case 'REFUNDED':
      return null;
    case 'UNKNOWN_ERROR':
      return { reason: 'refund.refusedUnknown', params: { time: opts.nextCheckAt ?? '—' } };
    case 'FULFILLED':
      return { reason: 'refund.refusedFulfilled' };
    default:
      return { reason: 'refund.refusedInFlight', params: { status: liveStatus } };
  }
}

export type LinkedOrder = { topupId: string; status: TopupStatus; kind: LinkKind | null };

/**
 * Why a chain's linked orders stop the customer refund, or null if they do not. The customer
 * paid once: a retry or follow-up that was FULFILLED served them, and one still in flight or
 * UNKNOWN_ERROR may yet serve them.
 */
export function chainRefusal(linked: readonly LinkedOrder[]): Refusal | null {
  const kind = (o: LinkedOrder) => o.kind ?? 'retry';
  const served = linked.find((o) => o.status === 'FULFILLED');
  if (served)
    return {
      reason: 'refund.refusedLinkedServed',
      params: { id: served.topupId, kind: kind(served) },
    };
  const unknown = linked.find((o) => o.status === 'UNKNOWN_ERROR');
  if (unknown)
    return {
      reason: 'refund.refusedLinkedUnknown',
      params: { id: unknown.topupId, kind: kind(unknown) },
    };
  const pending = linked.find((o) => o.status !== 'REFUNDED');
  if (pending)
    return {
      reason: 'refund.refusedLinkedInFlight',
      params: { id: pending.topupId, kind: kind(pending), status: pending.status },
    };
  return null;
}

export type ApprovalReason = 'amount' | 'unknown_error' | 'linked_orders';

/**
 * Refunds above the threshold, on orders that went through UNKNOWN_ERROR, or on a chain that
 * OneClick retried or redirected, wait for a second finance user. Amounts are compared as
 * integer cents, never as floats.
 */
export function approvalReason(
  amount: string,
  threshold: string,
  passedUnknown: boolean,
  hasLinkedOrders = false,
): ApprovalReason | null {
  if (passedUnknown) return 'unknown_error';
  if (hasLinkedOrders) return 'linked_orders';
  return cents(amount) > cents(threshold) ? 'amount' : null;
}

function cents(amount: string): bigint {
  const value = toCents(amount);
  if (value === null) throw new Error(`not a DZD amount: ${amount}`);
  return value;
}
