'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { refundIdOf } from '@/db/queries/order-actions';
import { queueRedelivery } from '@/db/queries/refund-outbox';
import type { ActionContext } from '@/lib/actions/action';
import { defineAction } from '@/lib/actions/action';
import { UserFacingError } from '@/lib/errors/user-facing';
import { formatDateTime } from '@/lib/i18n/dates';
import { refundDeps } from '@/lib/refunds/deps';
import { decideRefund, type RefundOutcome, requestRefund } from '@/lib/refunds/service';
import { refused } from '@/lib/result';
import { actorOf, orderId as id, optionalText } from './action-input';

const depsOf = (ctx: ActionContext) => ({
  ...refundDeps(ctx.locale),
  requestId: ctx.requestId,
});

/** The service's outcome as this action's answer; it already audited refusals (ctx.audit). */
function settle(outcome: RefundOutcome, topupPk: number, ctx: ActionContext) {
  revalidatePath(`/orders/${topupPk}`);
  revalidatePath('/refunds');
  if (outcome.kind === 'refused')
    return refused(outcome.refusal.reason, { params: outcome.refusal.params, audited: true });
  const r = outcome.refund;
  if (outcome.kind === 'already' && r.state !== 'rejected')
    return refused('refund.already', {
      params: { who: r.byName ?? r.createdVia, time: formatDateTime(r.createdAt, ctx.locale) },
      audited: true,
    });
  return { kind: outcome.kind, state: r.state, approvalReason: r.approvalReason };
}

export const refundCustomer = defineAction(
  {
    name: 'refund.create',
    capability: 'refunds:create',
    input: z.object({ id, reason: optionalText(200), note: optionalText(2000) }),
  },
  async ({ id: topupPk, reason, note }, ctx) =>
    settle(
      await requestRefund(depsOf(ctx), topupPk, actorOf(ctx), { reason, note }, ctx.audit),
      topupPk,
      ctx,
    ),
);

export const decideRefundAction = defineAction(
  {
    name: 'refund.decide',
    capability: 'refunds:create',
    input: z.object({ id, decision: z.enum(['approve', 'reject']), note: optionalText(2000) }),
  },
  async ({ id: topupPk, decision, note }, ctx) =>
    settle(
      await decideRefund(depsOf(ctx), topupPk, actorOf(ctx), decision, note, ctx.audit),
      topupPk,
      ctx,
    ),
);

export const redeliverRefund = defineAction(
  { name: 'refund.redeliver', capability: 'refunds:create', input: z.object({ id }) },
  async ({ id: topupPk }, ctx) => {
    const queued = await ctx.audited(async (tx) => {
      const refundId = await refundIdOf(tx, topupPk);
      if (!refundId) throw new UserFacingError('refund.notAwaiting');
      return {
        result: await queueRedelivery(tx, refundId, new Date()),
        target: { type: 'refund', id: refundId },
      };
    });
    revalidatePath(`/orders/${topupPk}`);
    return { queued };
  },
);
