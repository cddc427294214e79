import { OPERATOR_PREFIX } from '../phone';
import {
  AMOUNT_CAP,
  AMOUNT_FLOOR,
  DIRECT_REFUND_SHARE,
  ODD_AMOUNT_SHARE,
  ORDERS_PER_NUMBER,
  PLAN_MISMATCH_SHARE,
  PLANS,
  REGULAR_NUMBER_SHARE,
  REGULAR_ORDER_SHARE,
  ROUND_AMOUNTS,
  type SeededOperator,
  SLOW_SHARE,
  UNKNOWN_REFUND_SHARE,
  UNKNOWN_RESOLVE_MAX_H,
  UNKNOWN_RESOLVE_MIN_H,
  UNKNOWN_SHARE,
  WRONG_NUMBER_SHARE,
} from '../seed/mix';
import type { Flow, LinkSpec, TimelineStep } from './flows';
import { FACTURE_OFFER, MESSAGES } from './messages';
import { isTestNumber } from './numbers';
import { findPlan, type SandboxPlan } from './plans';
import { type Random, randomInt, weighted } from './random';

// What one order of the generated history looks like (history.ts places them in time and books
// the money). The shares are the seeded desk's (lib/seed/mix.ts), so `npm start`'s history and
// `npm run db:seed` tell the same story: Djezzy first, small round amounts, ~5 % refunded and
// ~3.5 % through UNKNOWN_ERROR, resolved by hand 1–35 h later.

const HOUR_MS = 3_600_000;
/** Direct refunds that OneClick retried or redirected (`retry_orderid` / `follow_orderid`). */
const LINKED_REFUND_SHARE = 0.05;

export type DrawnOrder = { plan: SandboxPlan; msisdn: string; amount: number; flow: Flow };

/** Customers per operator: about one number per ORDERS_PER_NUMBER orders, a few regulars. */
export function customerPools(random: Random, orders: number) {
  const pools = new Map<SeededOperator, string[]>();
  const taken = new Set<string>();
  for (const operator of Object.keys(OPERATOR_PREFIX) as SeededOperator[]) {
    const share = PLANS.filter((p) => p.operator === operator).reduce((s, p) => s + p.share, 0);
    const size = Math.max(1, Math.ceil((orders * share) / ORDERS_PER_NUMBER));
    const pool: string[] = [];
    while (pool.length < size) {
      const msisdn = `0${OPERATOR_PREFIX[operator]}${String(randomInt(random, 0, 99_999_999)).padStart(8, '0')}`;
      if (taken.has(msisdn) || isTestNumber(msisdn)) continue;
      taken.add(msisdn);
      pool.push(msisdn);
    }
    pools.set(operator, pool);
  }
  return (operator: SeededOperator) => {
    const pool = pools.get(operator) ?? [];
    const regulars = Math.max(1, Math.ceil(pool.length * REGULAR_NUMBER_SHARE));
    return pool[
      randomInt(random, 0, (random() < REGULAR_ORDER_SHARE ? regulars : pool.length) - 1)
    ];
  };
}

/** A face amount the plan accepts: mostly round, some odd (steps of 10), within its range. */
function drawAmount(random: Random, plan: SandboxPlan, operator: SeededOperator): number {
  if (plan.kind === 'fixed') return plan.amount;
  const low = Math.max(Number(AMOUNT_FLOOR[operator]), plan.min_amount);
  const high = Math.min(Number(AMOUNT_CAP[operator]), plan.max_amount);
  for (let tries = 0; tries < 20; tries++) {
    const amount =
      random() < ODD_AMOUNT_SHARE
        ? 10 * randomInt(random, 5, 300)
        : Number(weighted(random, ROUND_AMOUNTS));
    if (amount >= low && amount <= high) return amount;
  }
  return low;
}

/** PENDING for 2–15 s, HANDLING for 3–8 s (a few take up to 5 min), as the docs describe. */
function steps(random: Random) {
  const handlingAt = randomInt(random, 2_000, 15_000);
  let finalAt = handlingAt + randomInt(random, 3_000, 8_000);
  if (random() < SLOW_SHARE) finalAt = Math.max(finalAt, randomInt(random, 25_000, 300_000));
  const timeline = (final: TimelineStep['status']): TimelineStep[] => [
    { status: 'PENDING', atMs: 0 },
    { status: 'HANDLING', atMs: handlingAt },
    { status: final, atMs: finalAt },
  ];
  return { finalAt, timeline };
}

function refundFlow(random: Random, plan: SandboxPlan, timeline: TimelineStep[]): Flow {
  const link: LinkSpec | undefined =
    random() < LINKED_REFUND_SHARE
      ? {
          kind: random() < 0.8 ? 'retry' : 'follow',
          final: random() < 0.75 ? 'FULFILLED' : 'REFUNDED',
        }
      : undefined;
  const withLink = link ? { link } : {};
  if (random() < WRONG_NUMBER_SHARE)
    return { timeline, refundMessage: MESSAGES.wrongNumber, ...withLink };
  if (plan.code === 'PREPAID_DJEZZY' && random() < PLAN_MISMATCH_SHARE)
    return {
      timeline,
      refundMessage: MESSAGES.planMismatch,
      suggestedOffers: [FACTURE_OFFER],
      // As the list-topups example shows such an item.
      zeroBalanceWhenRefunded: true,
    };
  return { timeline, refundMessage: MESSAGES.balanceUnavailable, ...withLink };
}

/** One order as the shop placed it and as the upstream saw it through. */
export function drawOrder(random: Random, customer: (op: SeededOperator) => string | undefined) {
  const mixPlan = weighted(
    random,
    PLANS.map((p) => [p, p.share] as const),
  );
  const plan = findPlan(mixPlan.code);
  if (!plan) throw new Error(`sandbox plan catalogue lacks ${mixPlan.code}`);
  const msisdn = customer(mixPlan.operator);
  if (!msisdn) throw new Error(`no customer numbers for ${mixPlan.operator}`);
  const amount = drawAmount(random, plan, mixPlan.operator);
  const { finalAt, timeline } = steps(random);
  let flow: Flow = { timeline: timeline('FULFILLED') };
  if (random() < UNKNOWN_SHARE) {
    const resolvedAt =
      finalAt + randomInt(random, UNKNOWN_RESOLVE_MIN_H * HOUR_MS, UNKNOWN_RESOLVE_MAX_H * HOUR_MS);
    const outcome = random() < UNKNOWN_REFUND_SHARE ? 'REFUNDED' : 'FULFILLED';
    flow = {
      timeline: [...timeline('UNKNOWN_ERROR'), { status: outcome, atMs: resolvedAt }],
      refundMessage: MESSAGES.unknownError,
    };
  } else if (random() < DIRECT_REFUND_SHARE) {
    flow = refundFlow(random, plan, timeline('REFUNDED'));
  }
  return { plan, msisdn, amount, flow } satisfies DrawnOrder;
}
