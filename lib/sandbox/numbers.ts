import { FINAL_MS, type Flow, type LinkSpec, lifecycle, type UnknownResolution } from './flows';
import { FACTURE_OFFER, MESSAGES, menuOffers } from './messages';
import type { SandboxPlan } from './plans';

/**
 * The docs define 0600000001-3 (0600000002 takes its suggested FACTURE_DJEZZY offer: a re-send
 * with it is FULFILLED). 0600000004-6 are the emulator's own, for the linked orders the seed
 * page names but never shows in an example:
 * - 0600000004: REFUNDED, then a retry (`retry_orderid`) that ends FULFILLED;
 * - 0600000005: REFUNDED, then a retry that ends REFUNDED too;
 * - 0600000006: REFUNDED, then a follow-up (`follow_orderid`) that ends FULFILLED.
 * Each linked order is created at the original's refund instant and runs the usual 5 s / 15 s.
 */
export const TEST_NUMBERS = {
  refunded: '0600000001',
  refundedWithOffers: '0600000002',
  unknownError: '0600000003',
  refundedThenRetryFulfilled: '0600000004',
  refundedThenRetryRefunded: '0600000005',
  refundedThenFollowFulfilled: '0600000006',
} as const;

export function isTestNumber(msisdn: string) {
  return (Object.values(TEST_NUMBERS) as string[]).includes(msisdn);
}

const LINKED_NUMBERS: Record<string, LinkSpec> = {
  [TEST_NUMBERS.refundedThenRetryFulfilled]: { kind: 'retry', final: 'FULFILLED' },
  [TEST_NUMBERS.refundedThenRetryRefunded]: { kind: 'retry', final: 'REFUNDED' },
  [TEST_NUMBERS.refundedThenFollowFulfilled]: { kind: 'follow', final: 'FULFILLED' },
};

/** The link a number gets by default; a fresh object, since the record writes into it. */
export function defaultLink(msisdn: string): LinkSpec | undefined {
  const link = LINKED_NUMBERS[msisdn];
  return link ? { ...link } : undefined;
}

/** The documented sandbox behaviour for a number (and the GETMENU plans). */
export function documentedFlow(
  msisdn: string,
  plan: SandboxPlan,
  unknown: UnknownResolution,
): Flow {
  const link = defaultLink(msisdn);
  if (msisdn === TEST_NUMBERS.refunded || link) {
    return {
      timeline: lifecycle('REFUNDED'),
      refundMessage: MESSAGES.wrongNumber,
      ...(link ? { link } : {}),
    };
  }
  if (msisdn === TEST_NUMBERS.refundedWithOffers) {
    // The number is a postpaid line: the offer OneClick suggests for it is the plan that fits,
    // so a top-up sent with it is delivered (the docs show only the refusal; this follows it).
    if (plan.code === FACTURE_OFFER.plan_code) return { timeline: lifecycle('FULFILLED') };
    return {
      timeline: lifecycle('REFUNDED'),
      refundMessage: MESSAGES.planMismatch,
      suggestedOffers: [FACTURE_OFFER],
      // As in the list-topups example, where this number's REFUNDED item shows 0.
      zeroBalanceWhenRefunded: true,
    };
  }
  if (msisdn === TEST_NUMBERS.unknownError) {
    return {
      timeline: [
        ...lifecycle('UNKNOWN_ERROR'),
        { status: unknown.outcome, atMs: FINAL_MS + unknown.afterMs },
      ],
      refundMessage: MESSAGES.unknownError,
    };
  }
  if (plan.code.startsWith('GETMENU_')) {
    // A menu request "fails" by design: the answer is the list of offers, the money comes back.
    return { timeline: lifecycle('REFUNDED'), suggestedOffers: menuOffers(plan.operator) };
  }
  return { timeline: lifecycle('FULFILLED') };
}
