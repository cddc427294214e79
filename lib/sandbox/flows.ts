import type { TopupStatus } from '../../db/enums';
import { FACTURE_OFFER, MESSAGES, menuOffers, type Offer } from './messages';
import { centsToNumber } from './money';
import type { SandboxPlan } from './plans';

export type TimelineStep = { status: TopupStatus; atMs: number };

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
};

export type UnknownResolution = { afterMs: number; outcome: 'FULFILLED' | 'REFUNDED' };

export const TEST_NUMBERS = {
  refunded: '0600000001',
  refundedWithOffers: '0600000002',
  unknownError: '0600000003',
} as const;

export function isTestNumber(msisdn: string) {
  return (Object.values(TEST_NUMBERS) as string[]).includes(msisdn);
}

// The docs: PENDING for the first 5 s, HANDLING until 15 s, then final. They do not say
// whether the test numbers go through the same steps; the sandbox gives them the same prefix
// so a poller sees the same shape for every order and only the final status differs.
export const PENDING_MS = 5_000;
export const FINAL_MS = 15_000;

const lifecycle = (final: TopupStatus): TimelineStep[] => [
  { status: 'PENDING', atMs: 0 },
  { status: 'HANDLING', atMs: PENDING_MS },
  { status: final, atMs: FINAL_MS },
];

export type Flow = Pick<TopupRecord, 'timeline' | 'refundMessage' | 'suggestedOffers'>;

/** The documented sandbox behaviour for a number (and the GETMENU plans). */
export function documentedFlow(
  msisdn: string,
  plan: SandboxPlan,
  unknown: UnknownResolution,
): Flow {
  if (msisdn === TEST_NUMBERS.refunded) {
    return { timeline: lifecycle('REFUNDED'), refundMessage: MESSAGES.wrongNumber };
  }
  if (msisdn === TEST_NUMBERS.refundedWithOffers) {
    return {
      timeline: lifecycle('REFUNDED'),
      refundMessage: MESSAGES.planMismatch,
      suggestedOffers: [FACTURE_OFFER],
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

/** The top-up object exactly as check-id / check-ref / list return it at `now`. */
export function topupView(record: TopupRecord, now: number) {
  const status = statusAt(record, now);
  const failed = status === 'REFUNDED' || status === 'UNKNOWN_ERROR';
  return {
    _id: record.id,
    ref: record.ref,
    status,
    plan_code: record.planCode,
    MSSIDN: record.msisdn,
    topup_amount: record.amount,
    balance_amount: centsToNumber(record.chargedCents),
    created_at: new Date(record.createdAt).toISOString(),
    ...(failed && record.refundMessage ? { refund_message: record.refundMessage } : {}),
    ...(status === 'REFUNDED' && record.suggestedOffers
      ? { suggested_offers: record.suggestedOffers }
      : {}),
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
