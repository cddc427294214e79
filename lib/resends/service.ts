import type { Db } from '../../db/client';
import { chainRefund } from '../../db/queries/refunds';
import {
  claimResend,
  decideAwaitingResend,
  type ResendView,
  resendableOrder,
  resendView,
} from '../../db/queries/resends';
import { insertTopupEvent } from '../../db/queries/topup-status';
import { type Actor as AuditActor, type AuditSink, auditSink } from '../audit';
import { fromCents, toCents } from '../money';
import type { OneClickClient } from '../oneclick/client';
import { confirmOrderAndChain, type LiveDeps } from '../refunds/live';
import { type Busy, CHAIN_CHANGED, isBusy, ORDER_BUSY, withChainLock } from '../refunds/lock';
import {
  approvalReason,
  busyRefusal,
  mayDecide,
  type Refusal,
  tooSoonRefusal,
} from '../refunds/policy';
import { refreshChainState } from '../sync/chain';
import { claimLiveCheck } from '../sync/check-now';
import { forResend, mayResend, offerAsked, resendRef, resendRefusal } from './policy';
import { auditFor, type ResendActor, type ResendOutcome, sendClaimed } from './send';

// Re-sending a refunded top-up with an offer OneClick suggested (a postpaid line refused a
// prepaid plan: FACTURE_DJEZZY fits it). Like a refund, it happens once per original: the
// attempt takes the chain's refund lock, asks OneClick live that the order is REFUNDED and no
// linked order may still serve the customer, then claims the original's one re-send row with
// its audit row and its timeline entry in one transaction. The row is the send's outbox: the
// send goes out after the claim, under a ref derived from the original, and is never repeated;
// an answer that was lost is settled with check-ref (here, and by the engine, settleResends).
// Once OneClick took it, the new order, the audit row and the merchant's notice (topup.resent)
// are written together.

export type ResendDeps = LiveDeps & {
  db: Db;
  client: Pick<OneClickClient, 'checkId' | 'checkRef' | 'send'>;
  webhookConfigured: boolean;
  /** DZD above which a second finance user must approve (the refund threshold). */
  threshold: string;
  lockWaitMs?: number;
};

export type { ResendActor, ResendOutcome, SettleDeps } from './send';

export { RESEND_GIVE_UP_AFTER_MS, RESEND_SETTLE_AFTER_MS, settleResends } from './send';

const auditActor = (a: ResendActor): AuditActor => ({ id: a.userId, email: a.label, role: a.role });
const busy = (result: Busy): Refusal => busyRefusal(result === ORDER_BUSY ? 'order' : 'desk');

export async function requestResend(
  deps: ResendDeps,
  topupPk: number,
  actor: ResendActor,
  input: { planCode: string; amount: string; cost?: string | null },
  sink: AuditSink = auditSink({ actor: auditActor(actor) }),
): Promise<ResendOutcome> {
  let audit = auditFor(sink, topupPk);
  if (!mayResend(actor)) {
    await audit(deps.db, 'denied', 'resend.create', { reason: 'role' });
    return { kind: 'refused', refusal: { reason: 'resend.refusedRole' } };
  }
  const result = await withChainLock<
    ResendOutcome | { claimed: ResendView; order: { msisdn: string } }
  >(deps, topupPk, async (db, locked) => {
    const root = locked.root;
    audit = auditFor(sink, root);
    // A retry or follow-up is re-sent through its original: the chain has one customer.
    const existing = await resendView(db, root);
    if (existing && existing.state !== 'failed' && existing.state !== 'rejected') {
      await audit(db, 'denied', 'resend.create', { reason: 'already', resendId: existing.id });
      return { kind: 'already', resend: existing };
    }
    const refund = await chainRefund(db, locked.members, root);
    const order = await resendableOrder(db, root);
    if (!order) return { kind: 'refused', refusal: { reason: 'order.notFound' } };
    const stored =
      refund && refund.state !== 'rejected'
        ? { reason: 'resend.refusedRefunded' as const }
        : resendRefusal(order);
    const offer = offerAsked(order.suggestedOffers, input);
    const refusal = stored ?? (offer ? null : { reason: 'resend.notAnOffer' as const });
    if (refusal) {
      await audit(db, 'denied', 'resend.create', { reason: refusal.reason, ...input });
      return { kind: 'refused', refusal };
    }
    // Sent money needs OneClick's word now: the same one live check per 10 s as a refund.
    const slot = await claimLiveCheck(db, root, deps.now());
    if (!slot) return { kind: 'refused', refusal: { reason: 'order.notFound' } };
    if (!slot.ok) {
      await audit(db, 'denied', 'resend.create', { reason: 'check_too_soon', wait: slot.wait });
      return { kind: 'refused', refusal: forResend(tooSoonRefusal(slot)) };
    }
    const chain = await confirmOrderAndChain(deps, db, actor, {
      topupId: order.topupId,
      root,
      locked,
      requested: topupPk,
    });
    if (chain === CHAIN_CHANGED) return CHAIN_CHANGED;
    if ('refusal' in chain) {
      await audit(db, chain.audit, 'resend.create', {
        reason: chain.refusal.reason,
        liveStatus: chain.liveStatus ?? null,
      });
      return { kind: 'refused', refusal: forResend(chain.refusal) };
    }
    // As stored (numeric(14,2)): the same text in every message and row.
    const amount = fromCents(toCents(offer?.amount ?? input.amount) ?? 0n);
    const needs = approvalReason(
      amount,
      deps.threshold,
      order.unknownErrorAt !== null,
      chain.linked > 0,
    );
    const now = deps.now();
    await db.transaction(async (tx) => {
      const row = await claimResend(tx, root, {
        ref: resendRef(order.topupId),
        planCode: input.planCode,
        amount,
        cost: input.cost ?? null,
        state: needs ? 'awaiting_approval' : 'sending',
        approvalReason: needs,
        createdBy: actor.userId,
        createdVia: actor.viaToken ? actor.label : `user:${actor.label}`,
        createdAt: now,
        sendingAt: needs ? null : now,
      });
      if (!row) throw new Error(`re-send of top-up ${root} appeared while the lock was held`);
      // The original leaves the refunds due while the re-send may still serve the customer.
      await refreshChainState(tx, root, now);
      await insertTopupEvent(tx, {
        topupPk: root,
        kind: 'resend',
        source: 'manual',
        actorUserId: actor.userId,
        actor: actor.label,
        requestId: deps.requestId ?? null,
        message: needs
          ? `Re-send as ${input.planCode} ${amount} DZD requested; a second finance user must approve it (${needs}).`
          : `Re-sending as ${input.planCode} ${amount} DZD.`,
        payload: { resendId: row.id, planCode: input.planCode, amount },
        createdAt: now,
      });
      await audit(tx, 'ok', needs ? 'resend.request' : 'resend.create', {
        resendId: row.id,
        planCode: input.planCode,
        amount,
        cost: input.cost ?? null,
        approvalReason: needs,
      });
    });
    const claimed = await resendView(db, root);
    if (!claimed) throw new Error('re-send vanished after commit');
    if (needs) return { kind: 'awaiting_approval', resend: claimed };
    return { claimed, order };
  });
  if (isBusy(result)) {
    await audit(deps.db, 'denied', 'resend.create', { reason: 'busy' });
    return { kind: 'refused', refusal: forResend(busy(result)) };
  }
  if ('kind' in result) return result;
  // The lock is let go before the send: others asking now find the claim and are told.
  return sendClaimed(deps, result.claimed, result.order.msisdn, actor, audit);
}

/** A second finance user's decision on a re-send waiting for approval. */
export async function decideResend(
  deps: ResendDeps,
  topupPk: number,
  actor: ResendActor,
  decision: 'approve' | 'reject',
  note: string | null,
  sink: AuditSink = auditSink({ actor: auditActor(actor) }),
): Promise<ResendOutcome> {
  const action = decision === 'approve' ? 'resend.approve' : 'resend.reject';
  let audit = auditFor(sink, topupPk);
  const result = await withChainLock<
    ResendOutcome | { claimed: ResendView; order: { msisdn: string } }
  >(deps, topupPk, async (db, locked) => {
    const root = locked.root;
    audit = auditFor(sink, root);
    const resend = await resendView(db, root);
    if (resend?.state !== 'awaiting_approval') {
      await audit(db, 'denied', action, { reason: 'not_awaiting' });
      return { kind: 'refused', refusal: { reason: 'resend.notAwaiting' } };
    }
    if (!mayDecide(resend, actor) || !mayResend({ role: actor.role, viaToken: false })) {
      await audit(db, 'denied', action, { reason: 'same_user' });
      return { kind: 'refused', refusal: { reason: 'resend.selfApproval' } };
    }
    const order = await resendableOrder(db, root);
    if (!order) return { kind: 'refused', refusal: { reason: 'order.notFound' } };
    if (decision === 'approve') {
      // Our balance is spent now: OneClick must still say REFUNDED, with nothing else serving.
      const chain = await confirmOrderAndChain(deps, db, actor, {
        topupId: order.topupId,
        root,
        locked,
        requested: topupPk,
      });
      if (chain === CHAIN_CHANGED) return CHAIN_CHANGED;
      if ('refusal' in chain) {
        await audit(db, chain.audit, action, { reason: chain.refusal.reason });
        return { kind: 'refused', refusal: forResend(chain.refusal) };
      }
    }
    const now = deps.now();
    await db.transaction(async (tx) => {
      const row = await decideAwaitingResend(tx, resend.id, {
        state: decision === 'approve' ? 'sending' : 'rejected',
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: note,
      });
      if (!row) throw new Error('re-send decided twice under the lock');
      // Rejected: the refund is due again.
      if (decision === 'reject') await refreshChainState(tx, root, now);
      await insertTopupEvent(tx, {
        topupPk: root,
        kind: 'resend',
        source: 'manual',
        actorUserId: actor.userId,
        actor: actor.label,
        requestId: deps.requestId ?? null,
        message:
          decision === 'approve'
            ? `Re-send as ${resend.planCode} ${resend.amount} DZD approved; sending.`
            : `Re-send as ${resend.planCode} ${resend.amount} DZD rejected.`,
        payload: { resendId: resend.id, note },
        createdAt: now,
      });
      await audit(tx, 'ok', action, { resendId: resend.id, note });
    });
    const after = await resendView(db, root);
    if (!after) throw new Error('re-send vanished after commit');
    if (decision === 'reject') return { kind: 'rejected', resend: after };
    return { claimed: after, order };
  });
  if (isBusy(result)) {
    await audit(deps.db, 'denied', action, { reason: 'busy' });
    return { kind: 'refused', refusal: forResend(busy(result)) };
  }
  if ('kind' in result) return result;
  return sendClaimed(deps, result.claimed, result.order.msisdn, actor, audit);
}
