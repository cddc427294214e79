import type { TopupStatus } from '../../db/enums';

// The status rules, in one place (shared/DESIGN.md, "Order status rules"). Every path that
// writes a status — list sync, the poller, "check now", the ingest API, the refund action —
// asks `decide()` and does what it says.

export const FINAL_STATUSES: ReadonlySet<TopupStatus> = new Set(['FULFILLED', 'REFUNDED']);
export const IN_FLIGHT_STATUSES: readonly TopupStatus[] = ['PENDING', 'HANDLING'];

/** How far along the lifecycle a status is. UNKNOWN_ERROR stops polling but is not settled. */
const RANK: Record<TopupStatus, number> = {
  PENDING: 0,
  HANDLING: 1,
  UNKNOWN_ERROR: 2,
  FULFILLED: 3,
  REFUNDED: 3,
};

export const isFinal = (status: TopupStatus) => FINAL_STATUSES.has(status);

export type Decision =
  /** Nothing new: the observation matches what we hold. */
  | { kind: 'same' }
  /** A normal step forward: apply it. */
  | { kind: 'advance'; to: TopupStatus; finalizes: boolean }
  /** A change between final statuses (FULFILLED ↔ REFUNDED): apply, record, flag for finance. */
  | { kind: 'final_change'; to: TopupStatus }
  /** Backwards from a status that should never go back: keep ours, record an anomaly. */
  | { kind: 'regression' }
  /** Backwards between early statuses (a list page older than a check): ignore quietly. */
  | { kind: 'stale' };

export function decide(current: TopupStatus, observed: TopupStatus): Decision {
  if (current === observed) return { kind: 'same' };
  if (isFinal(current) && isFinal(observed)) return { kind: 'final_change', to: observed };
  if (RANK[observed] > RANK[current])
    return { kind: 'advance', to: observed, finalizes: isFinal(observed) };
  return current === 'PENDING' || current === 'HANDLING'
    ? { kind: 'stale' }
    : { kind: 'regression' };
}
