import { lifecycle, type TopupRecord } from './flows';
import { MESSAGES } from './messages';
import { placeOrder } from './orders';
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
 * Stores the order `record` links to, as the upstream would have placed it at `at` (the
 * original's refund instant): same number, plan and amount, charged like a send. Called by
 * `settle`, which is lazy, so the order may be stored long after `at`; `link.orderId` makes it
 * happen once, also across a restart from the state file.
 */
export function spawnLinked(state: SandboxState, record: TopupRecord, at: number) {
  const link = record.link;
  if (!link || link.orderId) return undefined;
  const plan = findPlan(record.planCode);
  if (!plan) throw new Error(`sandbox: top-up ${record.id} has unknown plan ${record.planCode}`);
  const refunded = link.final === 'REFUNDED';
  const linked = placeOrder(state, {
    plan,
    msisdn: record.msisdn,
    amount: record.amount,
    ref: link.reuseRef ? record.ref : linkedRef(state, record, link.kind),
    createdAt: at,
    charge: record.chargedCents !== 0,
    flow: {
      timeline: lifecycle(link.final),
      ...(refunded ? { refundMessage: record.refundMessage ?? MESSAGES.wrongNumber } : {}),
    },
  });
  link.orderId = linked.id;
  return linked;
}
