import type { TopupStatus } from '../../db/enums';
import type { Offer } from './messages';
import { centsToNumber } from './money';

export type TimelineStep = { status: TopupStatus; atMs: number };

/**
 * An order the upstream places by itself when this one ends REFUNDED: a retry
 * (`retry_orderid`) or a redirect (`follow_orderid`). With `reuseRef` the new order carries
 * the same `ref` as this one.
 */
export type LinkSpec = {
  kind: 'retry' | 'follow';
  final: 'FULFILLED' | 'REFUNDED';
  reuseRef?: boolean;
};

/** A stored top-up. Its status is not stored: it is read off the timeline at request time. */
export type TopupRecord = {
  id: string;
  ref: string;
  planCode: string;
  msisdn: string;
  amount: number;
  chargedCents: number;
  createdAt: number;
  timeline: TimelineStep[];
  refundMessage?: string;
  suggestedOffers?: Offer[];
  /** Set once the REFUND-FLEXY credit is in the ledger, so it is credited once. */
  refundedAt?: number;
  /** The list-topups example shows 0 for a REFUNDED item, the check-id example keeps 490. */
  zeroBalanceWhenRefunded?: boolean;
  /** `orderId` is set when the linked order has been stored, so it is created once. */
  link?: LinkSpec & { orderId?: string };
};

export type UnknownResolution = { afterMs: number; outcome: 'FULFILLED' | 'REFUNDED' };

// The docs: PENDING for the first 5 s, HANDLING until 15 s, then final. They do not say
// whether the test numbers go through the same steps; the sandbox gives them the same prefix
// so a poller sees the same shape for every order and only the final status differs.
export const PENDING_MS = 5_000;
export const FINAL_MS = 15_000;

export const lifecycle = (final: TopupStatus): TimelineStep[] => [
  { status: 'PENDING', atMs: 0 },
  { status: 'HANDLING', atMs: PENDING_MS },
  { status: final, atMs: FINAL_MS },
];

export type Flow = Pick<
  TopupRecord,
  'timeline' | 'refundMessage' | 'suggestedOffers' | 'zeroBalanceWhenRefunded' | 'link'
>;

export function statusAt(record: TopupRecord, now: number): TopupStatus {
  const elapsed = now - record.createdAt;
  let status = record.timeline[0]?.status ?? 'PENDING';
  for (const step of record.timeline) {
    if (step.atMs <= elapsed) status = step.status;
  }
  return status;
}

/** When the order became REFUNDED, if its timeline gets there. */
export function refundTime(record: TopupRecord) {
  const step = record.timeline.find((s) => s.status === 'REFUNDED');
  return step ? record.createdAt + step.atMs : undefined;
}

function linkField(record: TopupRecord, now: number) {
  const link = record.link;
  const at = refundTime(record);
  // Gated on the clock too, so a clock set back in time hides a link made "later".
  if (!link?.orderId || at === undefined || now < at) return {};
  return link.kind === 'retry' ? { retry_orderid: link.orderId } : { follow_orderid: link.orderId };
}

/** The top-up object exactly as check-id / check-ref / list return it at `now`. */
export function topupView(record: TopupRecord, now: number) {
  const status = statusAt(record, now);
  const failed = status === 'REFUNDED' || status === 'UNKNOWN_ERROR';
  const zeroed = status === 'REFUNDED' && record.zeroBalanceWhenRefunded === true;
  return {
    _id: record.id,
    ref: record.ref,
    status,
    plan_code: record.planCode,
    MSSIDN: record.msisdn,
    topup_amount: record.amount,
    // Only the view says 0: the ledger keeps the real debit and its refund.
    balance_amount: zeroed ? 0 : centsToNumber(record.chargedCents),
    created_at: new Date(record.createdAt).toISOString(),
    ...(failed && record.refundMessage ? { refund_message: record.refundMessage } : {}),
    ...(status === 'REFUNDED' && record.suggestedOffers
      ? { suggested_offers: record.suggestedOffers }
      : {}),
    ...(linkField(record, now) as { retry_orderid?: string; follow_orderid?: string }),
  };
}
export type TopupView = ReturnType<typeof topupView>;

/** Settles an UNKNOWN_ERROR now: later scheduled steps are replaced by the given outcome. */
export function resolveTimeline(
  record: TopupRecord,
  outcome: 'FULFILLED' | 'REFUNDED',
  now: number,
) {
  const index = record.timeline.findIndex((s) => s.status === 'UNKNOWN_ERROR');
  const unknownStep = record.timeline[index];
  if (!unknownStep) throw new Error(`top-up ${record.id} never reaches UNKNOWN_ERROR`);
  const atMs = Math.max(now - record.createdAt, unknownStep.atMs);
  return [...record.timeline.slice(0, index + 1), { status: outcome, atMs }];
}
