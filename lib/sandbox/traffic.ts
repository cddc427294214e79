import type { Clock } from './clock';
import type { Flow, TimelineStep, TopupRecord, UnknownResolution } from './flows';
import { FACTURE_OFFER, MESSAGES } from './messages';
import { chargeCents } from './money';
import { placeOrder } from './orders';
import { findPlan } from './plans';
import { hex, pick, type Random, randomInt } from './random';
import type { SandboxState } from './state';

export type TrafficMix = { fulfilled: number; refunded: number; unknown: number; slow: number };
type Range = readonly [number, number];

export type TrafficOptions = {
  ordersPerMinute: number;
  /** Relative weights. Default 90 / 5 / 3 / 2. */
  mix?: TrafficMix;
  /** Time in PENDING, then in HANDLING (the docs' typical 2–15 s and 3–8 s). */
  pendingMs?: Range;
  handlingMs?: Range;
  /** Time to FULFILLED for the slow share. Default 1–5 min. */
  slowMs?: Range;
};

const DEFAULT_MIX: TrafficMix = { fulfilled: 90, refunded: 5, unknown: 3, slow: 2 };
const PREFIX_PLANS = { '5': 'PREPAID_OOREDOO', '6': 'PREPAID_MOBILIS', '7': 'PREPAID_DJEZZY' };
const AMOUNTS = [100, 200, 500, 1000, 1500, 2000];
const REFILL_CENTS = 100_000_00;

function outcome(random: Random, mix: TrafficMix): keyof TrafficMix {
  const total = mix.fulfilled + mix.refunded + mix.unknown + mix.slow;
  let roll = random() * total;
  for (const key of ['fulfilled', 'refunded', 'unknown', 'slow'] as const) {
    roll -= mix[key];
    if (roll < 0) return key;
  }
  return 'fulfilled';
}

/** A lifecycle drawn from the configured mix and spreads. */
export function trafficFlow(
  random: Random,
  opts: TrafficOptions,
  unknown: UnknownResolution,
): Flow {
  const handlingAt = randomInt(random, ...(opts.pendingMs ?? [2_000, 15_000]));
  const finalAt = handlingAt + randomInt(random, ...(opts.handlingMs ?? [3_000, 8_000]));
  const steps = (final: TimelineStep['status'], at = finalAt): TimelineStep[] => [
    { status: 'PENDING', atMs: 0 },
    { status: 'HANDLING', atMs: handlingAt },
    { status: final, atMs: at },
  ];
  switch (outcome(random, opts.mix ?? DEFAULT_MIX)) {
    case 'refunded': {
      const withOffer = random() < 0.3;
      return {
        timeline: steps('REFUNDED'),
        refundMessage: withOffer
          ? MESSAGES.planMismatch
          : pick(random, [MESSAGES.wrongNumber, MESSAGES.balanceUnavailable]),
        ...(withOffer ? { suggestedOffers: [FACTURE_OFFER] } : {}),
      };
    }
    case 'unknown':
      return {
        timeline: [
          ...steps('UNKNOWN_ERROR'),
          { status: unknown.outcome, atMs: finalAt + unknown.afterMs },
        ],
        refundMessage: MESSAGES.unknownError,
      };
    case 'slow':
      return {
        timeline: steps(
          'FULFILLED',
          Math.max(finalAt, randomInt(random, ...(opts.slowMs ?? [60_000, 300_000]))),
        ),
      };
    default:
      return { timeline: steps('FULFILLED') };
  }
}

export type TrafficContext = {
  state: SandboxState;
  clock: Clock;
  random: Random;
  options: TrafficOptions;
  unknownResolution: UnknownResolution;
};

/** One order as a shop on the same account would place it; the account is refilled when dry. */
export function placeTrafficOrder(ctx: TrafficContext): TopupRecord {
  const { random, state } = ctx;
  const now = ctx.clock.now();
  state.settle(now);
  const prefix = pick(random, ['5', '6', '7'] as const);
  const plan = findPlan(PREFIX_PLANS[prefix]);
  if (!plan) throw new Error('sandbox plan catalogue lacks a prepaid plan');
  const amount = pick(random, AMOUNTS);
  if (chargeCents(amount, plan.cost) > state.balanceCents) state.deposit(REFILL_CENTS, now);
  return placeOrder(state, {
    plan,
    msisdn: `0${prefix}${String(randomInt(random, 0, 99_999_999)).padStart(8, '0')}`,
    amount,
    ref: `shop-${Math.floor(now / 1000)}-${hex(random, 6)}`,
    createdAt: now,
    flow: trafficFlow(random, ctx.options, ctx.unknownResolution),
  });
}

/** Places orders at the configured rate on a real timer until stopped. */
export function startTraffic(ctx: TrafficContext) {
  if (ctx.options.ordersPerMinute <= 0) return () => {};
  const timer = setInterval(() => placeTrafficOrder(ctx), 60_000 / ctx.options.ordersPerMinute);
  timer.unref();
  return () => clearInterval(timer);
}
