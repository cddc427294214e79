import type { Clock } from './clock';
import {
  type LinkSpec,
  lifecycle,
  type TimelineStep,
  type TopupRecord,
  type UnknownResolution,
} from './flows';
import { MESSAGES, type Offer } from './messages';
import { defaultLink, documentedFlow } from './numbers';
import { placeOrder } from './orders';
import { findPlan } from './plans';
import { hex, type Random } from './random';
import type { SandboxState } from './state';

export type CreateTopupInput = {
  msisdn: string;
  planCode: string;
  /** Required for dynamic plans; fixed plans use their own amount. */
  amount?: number;
  ref?: string;
  createdAt?: number | Date;
  /** Status steps relative to `createdAt`; default: the documented flow for the number. */
  timeline?: TimelineStep[];
  refundMessage?: string;
  suggestedOffers?: Offer[];
  /** Debit the balance. Default true. Never checked against the balance: it is a test hook. */
  charge?: boolean;
  /** Show `balance_amount: 0` once REFUNDED. Default: on for 0600000002 only. */
  zeroBalanceWhenRefunded?: boolean;
  /**
   * The order the upstream places when this one ends REFUNDED. Default: the number's
   * (0600000004-6); `null` for none. Without a `timeline`, an order that would not be
   * refunded is made to fail like 0600000001, since a link only follows a refund.
   */
  link?: LinkSpec | null;
};

type CreateDeps = {
  state: SandboxState;
  clock: Clock;
  random: Random;
  unknownResolution: UnknownResolution;
};

/** The `createTopup` control: an order shaped by the test, stored and debited like a send. */
export function createTopupRecord(deps: CreateDeps, input: CreateTopupInput): TopupRecord {
  const { state, clock } = deps;
  const plan = findPlan(input.planCode);
  if (!plan) throw new Error(`sandbox: unknown plan ${input.planCode}`);
  if (plan.kind === 'dynamic' && input.amount === undefined) {
    throw new Error(`sandbox: plan ${plan.code} needs an amount`);
  }
  const ref = input.ref ?? `ctl-${hex(deps.random, 12)}`;
  if (state.byRef(ref)) throw new Error(`sandbox: ref ${ref} already used`);
  const createdAt = input.createdAt === undefined ? clock.now() : Number(input.createdAt);
  state.settle(clock.now());
  const documented = documentedFlow(input.msisdn, plan, deps.unknownResolution);
  const own = input.timeline !== undefined;
  let timeline = input.timeline ?? documented.timeline;
  let refundMessage = input.refundMessage ?? (own ? undefined : documented.refundMessage);
  const link = input.link === null ? undefined : (input.link ?? defaultLink(input.msisdn));
  if (link && !own && !timeline.some((step) => step.status === 'REFUNDED')) {
    timeline = lifecycle('REFUNDED');
    refundMessage = input.refundMessage ?? MESSAGES.wrongNumber;
  }
  const zeroBalance = input.zeroBalanceWhenRefunded ?? documented.zeroBalanceWhenRefunded;
  return placeOrder(state, {
    plan,
    msisdn: input.msisdn,
    amount: input.amount,
    ref,
    createdAt,
    charge: input.charge,
    flow: {
      timeline,
      refundMessage,
      suggestedOffers: input.suggestedOffers ?? (own ? undefined : documented.suggestedOffers),
      zeroBalanceWhenRefunded: zeroBalance,
      link,
    },
  });
}
