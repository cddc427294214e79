import type { Role, TopupStatus } from '../../db/enums';
import type { Key } from '../i18n';
import { toCents } from '../money';

// Who may refund what, in one place (shared/DESIGN.md, "Refund rules"). A customer is refunded
// only when OneClick itself says REFUNDED, confirmed live at the moment of the refund.

export type Refusal = { reason: Key; params?: Record<string, string | number> };

/** Finance and admins in the desk; the merchant's shop through its API token. */
export function mayRequestRefund(actor: { role: Role | null; viaToken: boolean }): boolean {
  return actor.viaToken || actor.role === 'finance' || actor.role === 'admin';
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

/**
 * Refunds above the threshold, or on orders that went through UNKNOWN_ERROR, wait for a
 * second finance user. Amounts are compared as integer cents, never as floats.
 */
export function approvalReason(
  amount: string,
  threshold: string,
  passedUnknown: boolean,
): 'amount' | 'unknown_error' | null {
  if (passedUnknown) return 'unknown_error';
  return cents(amount) > cents(threshold) ? 'amount' : null;
}

function cents(amount: string): bigint {
  const value = toCents(amount);
  if (value === null) throw new Error(`not a DZD amount: ${amount}`);
  return value;
}
