import type { Operator } from '../../db/enums';
import { FACTURE_OFFER, MESSAGES } from '../sandbox/messages';

// The intended shape of seeded data (`npm run db:seed`), in one place so the generator and its
// test agree. Shares are of all orders unless said otherwise. The figures imitate a busy
// Algerian top-up shop: mostly small round Flexy amounts, Djezzy first, a few failures, and the
// upstream's UNKNOWN_ERROR resolved by hand within a day or so.

/**
 * Relative order volume per Algiers hour (0–23, lib/time/algiers.ts `hourOfDay`): near nothing 02:00–07:00, a morning rise,
 * and the peak in the evening when people top up after work.
 */
export const HOURLY_WEIGHTS = [
  3, 1.5, 0.6, 0.35, 0.3, 0.4, 0.8, 1.6, 3, 4.5, 5, 5, 5, 4.5, 4.5, 5, 5.5, 6.5, 7.5, 8.5, 9, 8.5,
  7, 5,
] as const;

/** Volume on the last day of the window compared with the first (linear growth between). */
export const GROWTH_FACTOR = 2.5;

/** The operators a seeded order can have: each plan names one, and its numbers follow it. */
export type SeededOperator = Exclude<Operator, 'Other'>;

/**
 * Plans with their share of all orders, operator and cost (balance charged per DZD, as in
 * lib/sandbox/plans.ts); fixed plans carry their amount. Numbers take the operator's prefix
 * (lib/phone.ts OPERATOR_PREFIX). The first plan is the one used for the e2e/benchmark number
 * below.
 */
export const PLANS = [
  { code: 'PREPAID_DJEZZY', operator: 'Djezzy', share: 0.43, cost: '0.9925' },
  { code: 'FACTURE_DJEZZY', operator: 'Djezzy', share: 0.02, cost: '0.99' },
  { code: 'PREPAID_MOBILIS', operator: 'Mobilis', share: 0.3, cost: '0.96' },
  { code: 'PIXX_500', operator: 'Mobilis', share: 0.025, cost: '0.97', fixed: '500' },
  { code: 'MIX500_MOBILIS', operator: 'Mobilis', share: 0.025, cost: '0.97', fixed: '500' },
  { code: 'PREPAID_OOREDOO', operator: 'Ooredoo', share: 0.2, cost: '0.97' },
] as const satisfies readonly {
  code: string;
  operator: SeededOperator;
  share: number;
  cost: string;
  fixed?: string;
}[];

/** Highest amount per operator, kept round (the plans' documented ranges, rounded down). */
export const AMOUNT_CAP: Record<SeededOperator, string> = {
  Djezzy: '10000',
  Mobilis: '3000',
  Ooredoo: '5000',
};
export const AMOUNT_FLOOR: Record<SeededOperator, string> = {
  Djezzy: '100',
  Mobilis: '50',
  Ooredoo: '50',
};

/** Round amounts (DZD) and their weights; the rest are "odd" amounts in steps of 10. */
export const ROUND_AMOUNTS = [
  ['50', 3],
  ['100', 18],
  ['150', 3],
  ['200', 18],
  ['250', 2],
  ['300', 5],
  ['500', 22],
  ['1000', 14],
  ['1500', 2],
  ['2000', 7],
  ['3000', 2],
  ['5000', 3],
  ['10000', 1],
] as const;
/** Orders with a non-round amount: 50–3,000 DZD in steps of 10. */
export const ODD_AMOUNT_SHARE = 0.06;

/** Customers: about one distinct number per this many orders. */
export const ORDERS_PER_NUMBER = 5;
/** A slice of the orders comes from "regulars", a small slice of the numbers. */
export const REGULAR_ORDER_SHARE = 0.3;
export const REGULAR_NUMBER_SHARE = 0.05;

/** The e2e tests and the desk benchmark search this number: it gets this many orders. */
export const KNOWN_MSISDN = '0778037340';
export const KNOWN_MSISDN_ORDERS = 40;

/** Where the order came from (event_source): the shop's ingest call, the list sync, by hand. */
export const SOURCE_SHARES = { ingest: 0.55, 'list-sync': 0.4, manual: 0.05 } as const;
/** Orders for which the shop sent what the customer paid, and its own reference. */
export const CUSTOMER_PRICE_SHARE = 0.7;
export const CUSTOMER_REF_SHARE = 0.35;

// Outcomes. Overall: ~94 % FULFILLED, ~6 % REFUNDED; a handful in flight; UNKNOWN_ERROR only
// while it waits for the upstream's manual resolution (≤ ~36 h), a few hundred at 1M orders.
/** Orders that pass through UNKNOWN_ERROR; resolved after 1–35 h, this share to REFUNDED. */
export const UNKNOWN_SHARE = 0.035;
export const UNKNOWN_REFUND_SHARE = 0.4;
export const UNKNOWN_RESOLVE_MIN_H = 1;
export const UNKNOWN_RESOLVE_MAX_H = 35;
/** Direct PENDING/HANDLING → REFUNDED, among orders that never were UNKNOWN_ERROR. */
export const DIRECT_REFUND_SHARE = 0.0477;
/** Time to final: 5–25 s typically; this share takes 25 s – 5 min. */
export const SLOW_SHARE = 0.03;
/** Settled orders whose HANDLING phase was observed (an extra event). */
export const HANDLING_SEEN_SHARE = 0.3;
/** Orders 5–60 min old that never settled: flagged stuck, still HANDLING. */
export const STUCK_SHARE = 0.02;
/** REFUNDED orders already refunded to the customer (10 min – 2 days after the upstream). */
export const CUSTOMER_REFUNDED_SHARE = 0.85;
/** Events that carry an upstream requestId (the call that observed the change). */
export const REQUEST_ID_SHARE = 0.85;

/** Refund messages, the upstream's own Arabic texts; the plan mismatch only for Djezzy. */
export const REFUND_MESSAGES = {
  wrongNumber: MESSAGES.wrongNumber,
  planMismatch: MESSAGES.planMismatch,
  balanceUnavailable: MESSAGES.balanceUnavailable,
  unknownError: MESSAGES.unknownError,
} as const;
/** Share of REFUNDED with the wrong-number message; of the rest, Djezzy gets the mismatch. */
export const WRONG_NUMBER_SHARE = 0.45;
export const PLAN_MISMATCH_SHARE = 0.5;
/** As the upstream sends it, amount as a decimal string (see SuggestedOffer in db/schema/topups.ts). */
export const FACTURE_SUGGESTION = [{ ...FACTURE_OFFER, amount: String(FACTURE_OFFER.amount) }];
