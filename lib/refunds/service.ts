import type { Db, Tx } from '../../db/client';
import type { Role } from '../../db/enums';
import { queueDelivery } from '../../db/queries/refund-outbox';
import {
  chainRefund,
  decideAwaitingRefund,
  markOrderRefunded,
  type RefundView,
  recordRefund,
  refundableOrder,
  refundView,
} from '../../db/queries/refunds';
import { resendPending } from '../../db/queries/resends';
import { type Actor as AuditActor, type AuditSink, auditSink } from '../audit';
import type { OneClickClient } from '../oneclick/client';
import { claimLiveCheck } from '../sync/check-now';
import { confirmOrderAndChain } from './live';
import { type Busy, CHAIN_CHANGED, isBusy, ORDER_BUSY, withChainLock } from './lock';
import {
  approvalReason,
  busyRefusal,
  mayDecide,
  mayRequestRefund,
  type Refusal,
  tooSoonRefusal,
} from './policy';

// The money path. A customer refund is recorded exactly once per top-up, only after a live
// check-id says REFUNDED, with its audit row and its outbox row in the same transaction. The
// desk's button, the finance queue and the shop's API all come through here.

export type RefundDeps = {
  db: Db;
  client: Pick<OneClickClient, 'checkId'>;
  now: () => Date;
  /** DZD above which a second finance user must approve. */
  threshold: string;
  webhookConfigured: boolean;
  /** How the caller shows a time in a refusal ("re-checks at 14:05"). */
  formatTime: (at: Date) => string;
  /** The desk's request id, kept on timeline events when OneClick's answer has none. */
  requestId?: string | null;
  /** How long an attempt waits for its turn on the order's lock (default in lock.ts). */
  lockWaitMs?: number;
};

export type RefundActor = {
  userId: string | null;
  label: string;
  role: Role | null;
  viaToken: boolean;
};

export type RefundOutcome =
  | { kind: 'recorded' | 'awaiting_approval' | 'already'; refund: RefundView }
  | { kind: 'refused'; refusal: Refusal };

const auditActor = (a: RefundActor): AuditActor => ({ id: a.userId, email: a.label, role: a.role });

/** An attempt that did not get its turn in time: the refusal, and the reason audited. */
const busy = (result: Busy) =>
  result === ORDER_BUSY
    ? { refusal: busyRefusal('order'), reason: 'busy' }
    : { refusal: busyRefusal('desk'), reason: 'overloaded' };

export async function requestRefund(
  deps: RefundDeps,
  topupPk: number,
  actor: RefundActor,
  input: { reason?: string | null; note?: string | null } = {},
  sink: AuditSink = auditSink({ actor: auditActor(actor) }),
): Promise<RefundOutcome> {
  // The front door (desk action, token API) binds who acts; the rows go in this service's
  // transactions, next to the money.
  const audit = (
    db: Db | Tx,
    outcome: 'ok' | 'denied' | 'error',
    details: Record<string, unknown>,
    action = 'refund.create',
  ) => sink(db, { action, outcome, targetType: 'topup', targetId: String(topupPk), details });
  if (!mayRequestRefund(actor)) {
    await audit(deps.db, 'denied', { reason: 'role' });
    return { kind: 'refused', refusal: { reason: 'refund.refusedRole' } };
  }
  // A retry or follow-up is refunded on its original: the customer paid once, for the chain.
  const requestedFor = topupPk;
  let claimedFor: number | null = null;
  const result = await withChainLock<RefundOutcome>(deps, requestedFor, async (db, locked) => {
    topupPk = locked.root;
    const existing = await chainRefund(db, locked.members, topupPk);
    if (existing && existing.state !== 'rejected') {
      await audit(db, 'denied', { reason: 'already_refunded', refundId: existing.id });
      return { kind: 'already', refund: existing };
    }
    const order = await refundableOrder(db, topupPk);
    if (!order) return { kind: 'refused', refusal: { reason: 'order.notFound' } };
    // A re-send with a suggested offer is waiting or under way: it may yet serve the customer.
    if (await resendPending(db, topupPk)) {
      await audit(db, 'denied', { reason: 'resend_pending' });
      return { kind: 'refused', refusal: { reason: 'refund.refusedResendPending' } };
    }

    // An attempt asks OneClick live, so it takes the order's one live check per 10 s, shared with
    // Check now: repeating a refused refund cannot make the desk hammer OneClick. Money needs an
    // answer taken by this attempt, so a recent answer (Check now's, or an earlier attempt's) is
    // never reused: a top-up can still move between final statuses. The refusal says when to
    // try again instead, and a refused claim neither takes nor extends the slot, so a legitimate
    // refund waits at most 10 s after the last live check, never longer. Claimed after "already
    // refunded" (which needs no live answer), once per attempt: a CHAIN_CHANGED re-run keeps it.
    if (claimedFor !== topupPk) {
      const slot = await claimLiveCheck(db, topupPk, deps.now());
      if (!slot) return { kind: 'refused', refusal: { reason: 'order.notFound' } };
      if (!slot.ok) {
        await audit(db, 'denied', {
          reason: 'check_too_soon',
          wait: slot.wait,
          ...(requestedFor !== topupPk ? { requestedFor } : {}),
        });
        return { kind: 'refused', refusal: tooSoonRefusal(slot) };
      }
      claimedFor = topupPk;
    }
    const chain = await confirmOrderAndChain(deps, db, actor, {
      topupId: order.topupId,
      root: topupPk,
      locked,
      requested: requestedFor,
    });
    if (chain === CHAIN_CHANGED) return CHAIN_CHANGED;
    if ('refusal' in chain) {
      await audit(db, chain.audit, {
        reason: chain.refusal.reason,
        liveStatus: chain.liveStatus ?? null,
        ...(requestedFor !== topupPk ? { requestedFor } : {}),
      });
      return { kind: 'refused', refusal: chain.refusal };
    }
    const amount = order.refundAmount;
    const needs = approvalReason(
      amount,
      deps.threshold,
      order.unknownErrorAt !== null,
      chain.linked > 0,
    );
    const now = deps.now();
    await db.transaction(async (tx) => {
      const fresh = {
        amount,
        reason: input.reason ?? null,
        note: input.note ?? null,
        createdBy: actor.userId,
        createdVia: actor.viaToken ? actor.label : `user:${actor.label}`,
        createdAt: now,
        state: needs ? ('awaiting_approval' as const) : ('approved' as const),
        approvalReason: needs,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      };
      // The unique topup_pk makes this the one refund; a rejected request may be made again.
      const row = await recordRefund(tx, topupPk, fresh);
      if (!row)
        throw new Error(`refund for top-up ${topupPk} appeared while the refund lock was held`);
      if (!needs) await settle(tx, row.id, topupPk, now, deps.webhookConfigured);
      await audit(
        tx,
        'ok',
        { refundId: row.id, amount, approvalReason: needs },
        needs ? 'refund.request' : 'refund.create',
      );
    });
    const refund = await refundView(db, topupPk);
    if (!refund) throw new Error('refund vanished after commit');
    return { kind: needs ? 'awaiting_approval' : 'recorded', refund };
  });
  if (!isBusy(result)) return result;
  const { refusal, reason } = busy(result);
  await audit(deps.db, 'denied', { reason });
  return { kind: 'refused', refusal };
}

/** A second finance user's decision on a refund waiting for approval. */
export async function decideRefund(
  deps: RefundDeps,
  topupPk: number,
  actor: RefundActor,
  decision: 'approve' | 'reject',
  note: string | null,
  sink: AuditSink = auditSink({ actor: auditActor(actor) }),
): Promise<RefundOutcome> {
  const action = decision === 'approve' ? 'refund.approve' : 'refund.reject';
  const audit = (
    db: Db | Tx,
    outcome: 'ok' | 'denied' | 'error',
    details: Record<string, unknown>,
  ) => sink(db, { action, outcome, targetType: 'topup', targetId: String(topupPk), details });
  // Not throttled like a request: an approval is a second finance user's decision on a refund
  // that exists, usually seconds after the request's own live check, which the 10 s slot would
  // refuse. It is bounded anyway: only another finance user, only while a refund awaits approval.
  const result = await withChainLock<RefundOutcome>(deps, topupPk, async (db, locked) => {
    topupPk = locked.root;
    const refund = await refundView(db, topupPk);
    if (refund?.state !== 'awaiting_approval') {
      await audit(db, 'denied', { reason: 'not_awaiting' });
      return { kind: 'refused', refusal: { reason: 'refund.notAwaiting' } };
    }
    if (!mayDecide(refund, actor)) {
      await audit(db, 'denied', { reason: 'same_user' });
      return { kind: 'refused', refusal: { reason: 'refund.selfApproval' } };
    }
    if (decision === 'approve') {
      if (await resendPending(db, topupPk)) {
        await audit(db, 'denied', { reason: 'resend_pending' });
        return { kind: 'refused', refusal: { reason: 'refund.refusedResendPending' } };
      }
      // Money moves now: OneClick must still say REFUNDED.
      const order = await refundableOrder(db, topupPk);
      if (!order) return { kind: 'refused', refusal: { reason: 'order.notFound' } };
      const live = await confirmOrderAndChain(deps, db, actor, {
        topupId: order.topupId,
        root: topupPk,
        locked,
        requested: topupPk,
      });
      if (live === CHAIN_CHANGED) return CHAIN_CHANGED;
      if ('refusal' in live) {
        await audit(db, live.audit, { reason: live.refusal.reason });
        return { kind: 'refused', refusal: live.refusal };
      }
    }
    const now = deps.now();
    await db.transaction(async (tx) => {
      const row = await decideAwaitingRefund(tx, refund.id, {
        state: decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: note,
      });
      if (!row) throw new Error('refund decided twice under the lock');
      if (decision === 'approve') await settle(tx, refund.id, topupPk, now, deps.webhookConfigured);
      await audit(tx, 'ok', { refundId: refund.id, amount: refund.amount });
    });
    const after = await refundView(db, topupPk);
    if (!after) throw new Error('refund vanished after commit');
    return { kind: decision === 'approve' ? 'recorded' : 'already', refund: after };
  });
  if (!isBusy(result)) return result;
  const { refusal, reason } = busy(result);
  await audit(deps.db, 'denied', { reason });
  return { kind: 'refused', refusal };
}

/** The money moved: mark the order refunded and queue the merchant notification. */
async function settle(
  tx: Tx,
  refundId: string,
  topupPk: number,
  now: Date,
  webhookConfigured: boolean,
) {
  await markOrderRefunded(tx, topupPk, now);
  await queueDelivery(tx, {
    refundId,
    state: webhookConfigured ? 'pending' : 'not_configured',
    nextAttemptAt: webhookConfigured ? now : null,
  });
}
