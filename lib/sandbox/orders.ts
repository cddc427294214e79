import type { Flow, TopupRecord } from './flows';
import { chargeCents } from './money';
import { faceAmount, type SandboxPlan } from './plans';
import type { SandboxState } from './state';

export type NewOrder = {
  plan: SandboxPlan;
  msisdn: string;
  amount?: number;
  ref: string;
  createdAt: number;
  flow: Flow;
  /** Debit the balance (FLEXY row). Off for orders a test wants outside the ledger. */
  charge?: boolean;
};

/** The stored form of an order (no side effects: the history generator builds its own). */
export function topupRecord(id: string, order: NewOrder): TopupRecord {
  const amount = faceAmount(order.plan, order.amount);
  return {
    id,
    ref: order.ref,
    planCode: order.plan.code,
    msisdn: order.msisdn,
    amount,
    chargedCents: order.charge === false ? 0 : chargeCents(amount, order.plan.cost),
    createdAt: order.createdAt,
    timeline: [...order.flow.timeline].sort((a, b) => a.atMs - b.atMs),
    ...(order.flow.refundMessage ? { refundMessage: order.flow.refundMessage } : {}),
    ...(order.flow.suggestedOffers ? { suggestedOffers: order.flow.suggestedOffers } : {}),
    ...(order.flow.zeroBalanceWhenRefunded ? { zeroBalanceWhenRefunded: true } : {}),
    ...(order.flow.link ? { link: { ...order.flow.link } } : {}),
  };
}

/** Stores an order and debits it; shared by send, the controls and background traffic. */
export function placeOrder(state: SandboxState, order: NewOrder): TopupRecord {
  const record = topupRecord(state.newId(order.createdAt), order);
  state.add(record, order.createdAt);
  return record;
}
