'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { refunds } from '@/db/schema';
import type { ActionContext } from '@/lib/actions/action';
import { defineAction } from '@/lib/actions/action';
import { UserFacingError } from '@/lib/actions/errors';
import { isLocale } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { refundDeps } from '@/lib/refunds/deps';
import {
  decideRefund,
  type RefundActor,
  type RefundOutcome,
  requestRefund,
} from '@/lib/refunds/service';
import { queueRedelivery } from '@/lib/refunds/webhook';

const id = z.coerce.number({ error: 'validation.required' }).int().positive();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .optional()
    .transform((v) => v || null);

const actorOf = (ctx: ActionContext): RefundActor => ({
  userId: ctx.user.id,
  label: ctx.user.email,
  role: ctx.user.role,
  viaToken: false,
});
const depsOf = (ctx: ActionContext) =>
  refundDeps(ctx.user.locale && isLocale(ctx.user.locale) ? ctx.user.locale : 'en');

/** Refusals come back as readable errors; the service has already audited them. */
function settle(outcome: RefundOutcome, ctx: ActionContext, topupPk: number) {
  revalidatePath(`/orders/${topupPk}`);
  revalidatePath('/refunds');
  if (outcome.kind === 'refused')
    throw new UserFacingError(outcome.refusal.reason, {
      params: outcome.refusal.params,
      audited: true,
    });
  const r = outcome.refund;
  if (outcome.kind === 'already' && r.state !== 'rejected') {
    throw new UserFacingError('refund.already', {
      params: { who: r.byName ?? r.createdVia, time: formatDateTime(r.createdAt, 'en') },
      audited: true,
    });
  }
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
      await requestRefund(depsOf(ctx), topupPk, actorOf(ctx), { reason, note }, ctx.requestId),
      ctx,
      topupPk,
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
      await decideRefund(depsOf(ctx), topupPk, actorOf(ctx), decision, note, ctx.requestId),
      ctx,
      topupPk,
    ),
);

export const redeliverRefund = defineAction(
  { name: 'refund.redeliver', capability: 'refunds:create', input: z.object({ id }) },
  async ({ id: topupPk }, ctx) => {
    const queued = await ctx.audited(async (tx) => {
      const [refund] = await tx
        .select({ id: refunds.id })
        .from(refunds)
        .where(eq(refunds.topupPk, topupPk));
      if (!refund) throw new UserFacingError('refund.notAwaiting');
      return {
        result: await queueRedelivery(tx, refund.id, new Date()),
        target: { type: 'refund', id: refund.id },
      };
    });
    revalidatePath(`/orders/${topupPk}`);
    return { queued };
  },
);
