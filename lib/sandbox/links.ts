import { type LinkSpec, lifecycle, type TopupRecord } from './flows';
import { MESSAGES } from './messages';
import { type NewOrder, placeOrder } from './orders';
import { findPlan } from './plans';
import type { SandboxState } from './state';

/**
 * The docs do not show how the upstream names a retry's ref; the sandbox derives it from the
 * original's so a test can predict it (`order-1` → `order-1-retry`, `order-1-follow`).
 */
function linkedRef(state: SandboxState, record: TopupRecord, kind: string) {
  const base = `${record.ref}-${kind}`;
  let ref = base;
  for (let n = 2; state.byRef(ref); n++) ref = `${base}-${n}`;
  return ref;
}

/**
 * The order `record` links to, as the upstream places it at `at` (the original's refund
 * instant): same number, plan and amount, charged like a send, through the usual 5 s / 15 s.
 */
export function linkedOrder(record: TopupRecord, link: LinkSpec, at: number, ref: string) {
  const plan = findPlan(record.planCode);
  if (!plan) throw new Error(`sandbox: top-up ${record.id} has unknown plan ${record.planCode}`);
  const refunded = link.final === 'REFUNDED';
  return {
    plan,
    msisdn: record.msisdn,
    amount: record.amount,
    ref,
    createdAt: at,
    charge: record.chargedCents !== 0,
    flow: {
      timeline: lifecycle(link.final),
      ...(refunded ? { refundMessage: record.refundMessage ?? MESSAGES.wrongNumber } : {}),
    },
  } satisfies NewOrder;
}

/**
 * Stores the order `record` links to. Called by `settle`, which is lazy, so the order may be
 * stored long after `at`; `link.orderId` makes it happen once, also across a restart from the
 * state file.
 */
export function spawnLinked(state: SandboxState, record: TopupRecord, at: number) {
  const link = record.link;
  if (!link || link.orderId) return undefined;
  const ref = link.reuseRef ? record.ref : linkedRef(state, record, link.kind);
  const linked = placeOrder(state, linkedOrder(record, link, at, ref));
  link.orderId = linked.id;
  return linked;
}
