import type { Db, Tx } from '../../db/client';
import { tieToParent } from '../../db/queries/chain';
import { queueDelivery } from '../../db/queries/refund-outbox';
import {
  lateResends,
  markResendFailed,
  markResendSent,
  nameResendOrder,
  type ResendView,
  resendView,
  setResendNewOrder,
  unsettledResends,
} from '../../db/queries/resends';
import { insertTopupEvent } from '../../db/queries/topup-status';
import { type AuditSink, auditSink, SYSTEM_ACTOR } from '../audit';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError, type OneClickError } from '../oneclick/errors';
import type { Topup } from '../oneclick/schemas';
import type { Refusal } from '../refunds/policy';
import type { RefundActor } from '../refunds/service';
import { refreshChainState, tieNamed } from '../sync/chain';
import { observe } from '../sync/observe';

// The send of a claimed re-send, and how its answer is settled (./service.ts claims it). The
// POST goes once, under the re-send's ref; a lost answer is looked up with check-ref, here and
// by the engine's duty (settleResends), never by sending again. Once OneClick took it, the new
// order's link, the audit row, the timeline entry and the merchant's notice (topup.resent) are
// written together.

/** What settling a send needs (the engine's duty has no person and no threshold). */
export type SettleDeps = {
  db: Db;
  client: Pick<OneClickClient, 'checkId' | 'checkRef'>;
  now: () => Date;
  requestId?: string | null;
  /** REFUND_WEBHOOK_URL is set: the merchant's system is told of each re-send (topup.resent). */
  webhookConfigured: boolean;
};

export type ResendActor = RefundActor;

export type ResendOutcome =
  | {
      /**
       * sent: OneClick took it (the new order is tracked); sending: its answer was lost and is
       * being settled; failed: OneClick refused it (nothing was sent); awaiting_approval: a
       * second finance user decides; already: someone else re-sent it.
       */
      kind: 'sent' | 'sending' | 'failed' | 'awaiting_approval' | 'already' | 'rejected';
      resend: ResendView;
    }
  | { kind: 'refused'; refusal: Refusal };

/** Writes a re-send's audit row, on its original. */
export type Audit = (
  db: Db | Tx,
  outcome: 'ok' | 'denied' | 'error',
  action: string,
  details: Record<string, unknown>,
) => Promise<void>;

export const auditFor =
  (sink: AuditSink, originalPk: number): Audit =>
  (db, outcome, action, details) =>
    sink(db, { action, outcome, targetType: 'topup', targetId: String(originalPk), details });

/**
 * The send of a claimed re-send, once. OneClick's answer decides: taken (the new order is
 * recorded and tracked), refused (nothing was sent: the refund is due again), or lost (the
 * client already asked check-ref; if that could not tell either, the row stays `sending` and
 * the engine settles it by its ref).
 */
export async function sendClaimed(
  deps: SettleDeps & { client: Pick<OneClickClient, 'send'> },
  resend: ResendView,
  msisdn: string,
  actor: ResendActor,
  audit: Audit,
): Promise<ResendOutcome> {
  try {
    const answer = await deps.client.send({
      plan_code: resend.planCode,
      MSSIDN: msisdn,
      // OneClick takes amounts as JSON numbers; offers are whole dinars.
      amount: Number(resend.amount),
      ref: resend.ref,
    });
    await recordSent(deps, resend, {
      topupId: answer.data.topupId,
      via: answer.resolvedVia ?? 'answer',
      topup: answer.topup,
      actor,
      audit,
    });
  } catch (error) {
    if (!isOneClickError(error)) throw error;
    if (error.kind === 'duplicate_ref' || error.outcomeUnknown) {
      // Our ref is taken (an earlier send of this re-send went through), or the answer was lost
      // and check-ref could not tell yet: settle by the ref, never by sending again.
      const settled = await settleByRef(deps, resend, actor, audit, { giveUp: false });
      if (!settled) await audit(deps.db, 'error', 'resend.unsettled', lostDetails(error));
    } else {
      await recordFailed(deps, resend, failureOf(error), actor, audit);
    }
  }
  return outcomeOf(deps.db, resend.originalPk);
}

async function outcomeOf(db: Db, originalPk: number): Promise<ResendOutcome> {
  const after = await resendView(db, originalPk);
  if (!after) throw new Error('re-send vanished');
  if (after.state === 'sent') return { kind: 'sent', resend: after };
  if (after.state === 'failed') return { kind: 'failed', resend: after };
  return { kind: 'sending', resend: after };
}

const lostDetails = (error: OneClickError) => ({
  reason: error.kind,
  code: error.code ?? null,
  message: error.message,
});

function failureOf(error: OneClickError) {
  return {
    code: error.code ?? error.kind.toUpperCase(),
    message: error.message,
    field: error.field ?? null,
  };
}

/**
 * Looks the re-send up by its ref. Found: recorded as sent. Not found: after `giveUp` it is
 * recorded as failed (OneClick holds no such order: nothing was sent); before, left alone.
 */
async function settleByRef(
  deps: SettleDeps,
  resend: Pick<ResendView, 'id' | 'originalPk' | 'ref' | 'planCode' | 'amount'>,
  actor: ResendActor | null,
  audit: Audit,
  opts: { giveUp: boolean },
): Promise<boolean> {
  try {
    const found = await deps.client.checkRef(resend.ref);
    await recordSent(deps, resend, {
      topupId: found.data._id,
      via: 'check-ref',
      topup: found.data,
      actor,
      audit,
    });
    return true;
  } catch (error) {
    if (!isOneClickError(error)) throw error;
    if (error.kind === 'not_found' && opts.giveUp) {
      await recordFailed(
        deps,
        resend,
        {
          code: 'NOT_FOUND',
          message: `OneClick holds no order under ref ${resend.ref}: the re-send was not made.`,
          field: null,
        },
        actor,
        audit,
      );
      return true;
    }
    return false;
  }
}

async function recordSent(
  deps: SettleDeps,
  resend: Pick<ResendView, 'id' | 'originalPk' | 'planCode' | 'amount'>,
  sent: {
    topupId: string;
    via: 'answer' | 'check-ref' | 'list';
    topup?: Topup;
    actor: ResendActor | null;
    audit: Audit;
  },
) {
  const now = deps.now();
  const root = resend.originalPk;
  const recorded = await deps.db.transaction(async (tx) => {
    const row = await markResendSent(tx, resend.id, {
      newTopupId: sent.topupId,
      at: now,
      settledVia: sent.via,
    });
    if (!row) return false; // settled by someone else meanwhile
    await nameResendOrder(tx, root, sent.topupId, now);
    // Seen already (a list poll may beat us to it): tie it now.
    await tieToParent(tx, {
      child: { topupId: sent.topupId },
      parentPk: root,
      linkKind: 'resend',
    });
    await refreshChainState(tx, root, now);
    await insertTopupEvent(tx, {
      topupPk: root,
      kind: 'resend',
      source: sent.actor ? 'manual' : 'system',
      actorUserId: sent.actor?.userId ?? null,
      actor: sent.actor?.label ?? 'system',
      requestId: deps.requestId ?? null,
      message: `Re-sent as ${resend.planCode} ${resend.amount} DZD: OneClick order ${sent.topupId}${
        sent.via === 'check-ref'
          ? ' (its answer was lost; found by its ref)'
          : sent.via === 'list'
            ? ' (made by OneClick after the desk had given up on it: check whether the customer was refunded meanwhile)'
            : ''
      }.`,
      payload: { resendId: resend.id, newTopupId: sent.topupId, via: sent.via },
      createdAt: now,
    });
    // The merchant's system hears of it (its new order id) through the notices outbox.
    await queueDelivery(tx, {
      refundId: resend.id,
      event: 'topup.resent',
      state: deps.webhookConfigured ? 'pending' : 'not_configured',
      nextAttemptAt: deps.webhookConfigured ? now : null,
    });
    await sent.audit(tx, 'ok', 'resend.sent', {
      resendId: resend.id,
      newTopupId: sent.topupId,
      via: sent.via,
    });
    return true;
  });
  if (!recorded) return;
  // Tracked from the first second: the new order's row, then the engine polls it. When this
  // check fails, the engine fetches the order the original names (lib/sync/linked.ts).
  let topup = sent.topup;
  if (!topup) {
    try {
      topup = (await deps.client.checkId(sent.topupId)).data;
    } catch {
      return;
    }
  }
  const observed = await observe(deps.db, {
    topup,
    source: 'resend',
    actor: { userId: sent.actor?.userId ?? null, name: sent.actor?.label ?? 'system' },
    requestId: deps.requestId ?? null,
    now: deps.now(),
  });
  // A list poll may have inserted it between our naming it and this observation, each missing
  // the other: tie it by its key now (a no-op when observe already did).
  await tieNamed(deps.db, { id: observed.topupPk, parentPk: root, kind: 'resend' }, deps.now());
  await setResendNewOrder(deps.db, resend.id, observed.topupPk);
}

async function recordFailed(
  deps: SettleDeps,
  resend: Pick<ResendView, 'id' | 'originalPk' | 'planCode' | 'amount'>,
  failure: { code: string; message: string; field: string | null },
  actor: ResendActor | null,
  audit: Audit,
) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const row = await markResendFailed(tx, resend.id, { ...failure, at: now });
    if (!row) return;
    // Nothing was sent: the refund is due again.
    await refreshChainState(tx, resend.originalPk, now);
    await insertTopupEvent(tx, {
      topupPk: resend.originalPk,
      kind: 'resend',
      source: actor ? 'manual' : 'system',
      actorUserId: actor?.userId ?? null,
      actor: actor?.label ?? 'system',
      requestId: deps.requestId ?? null,
      message: `Re-send as ${resend.planCode} ${resend.amount} DZD not made: ${failure.code}: ${failure.message}`,
      payload: { resendId: resend.id, ...failure },
      createdAt: now,
    });
    await audit(tx, 'error', 'resend.failed', { resendId: resend.id, ...failure });
  });
}

/** Lost answers older than this are looked up by ref (the send and its own check-ref are done). */
export const RESEND_SETTLE_AFTER_MS = 60_000;
/** A re-send OneClick still does not hold after this was never made. */
export const RESEND_GIVE_UP_AFTER_MS = 15 * 60_000;

/**
 * The engine's duty: re-sends whose answer was lost (or whose sender died after the claim) are
 * settled by their ref, never sent again. Returns how many were settled.
 */
export async function settleResends(deps: SettleDeps, limit = 10): Promise<number> {
  const now = deps.now().getTime();
  let late = 0;
  // Given up on, then made by OneClick after all (its order reached us by the list): recorded
  // as sent, and flagged on the original, whose customer may have been refunded meanwhile.
  for (const row of await lateResends(deps.db, limit)) {
    const audit = auditFor(auditSink({ actor: SYSTEM_ACTOR }), row.originalPk);
    await recordSent(deps, row, { topupId: row.topupId, via: 'list', actor: null, audit });
    late++;
  }
  const due = await unsettledResends(deps.db, new Date(now - RESEND_SETTLE_AFTER_MS), limit);
  let settled = 0;
  for (const row of due) {
    const resend = await resendView(deps.db, row.originalPk);
    if (resend?.state !== 'sending') continue;
    const audit = auditFor(auditSink({ actor: SYSTEM_ACTOR }), row.originalPk);
    // The fresh row's time: it may have been asked again since the list was read.
    const giveUp = (resend.sendingAt?.getTime() ?? now) < now - RESEND_GIVE_UP_AFTER_MS;
    if (await settleByRef(deps, resend, null, audit, { giveUp })) settled++;
  }
  return settled + late;
}
