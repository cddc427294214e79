'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionContext } from '@/lib/actions/action';
import { defineAction } from '@/lib/actions/action';
import { formatDateTime } from '@/lib/i18n/dates';
import { dzdAmount } from '@/lib/money-schema';
import { isOneClickError } from '@/lib/oneclick/errors';
import { resendDeps } from '@/lib/resends/deps';
import { resendQuote } from '@/lib/resends/quote';
import { decideResend, type ResendOutcome, requestResend } from '@/lib/resends/service';
import { refused } from '@/lib/result';
import { getUpstream } from '@/lib/sync/upstream';
import { actorOf, orderId as id, optionalText } from './action-input';

// Re-sending a refunded top-up with a suggested offer, from the order page and the refunds
// queue. Finance and admins (`resends:create`); the service decides and audits the rest.

const planCode = z.string({ error: 'validation.required' }).regex(/^[A-Za-z0-9_]{1,64}$/);
const amount = dzdAmount();

const depsOf = (ctx: ActionContext) => ({ ...resendDeps(ctx.locale), requestId: ctx.requestId });

/** The service's outcome as this action's answer; it already audited refusals (ctx.audit). */
function answer(outcome: ResendOutcome, topupPk: number, ctx: ActionContext) {
  revalidatePath(`/orders/${topupPk}`);
  revalidatePath('/refunds');
  if (outcome.kind === 'refused')
    return refused(outcome.refusal.reason, { params: outcome.refusal.params, audited: true });
  const r = outcome.resend;
  if (outcome.kind === 'already')
    return refused(r.byName ? 'resend.already' : 'resend.alreadyVia', {
      params: {
        who: r.byName ?? r.createdVia,
        via: r.createdVia,
        time: formatDateTime(r.createdAt, ctx.locale),
      },
      audited: true,
    });
  return {
    kind: outcome.kind,
    newTopupId: r.newTopupId,
    newTopupPk: r.newTopupPk,
    ref: r.ref,
    approvalReason: r.approvalReason,
    errorCode: r.errorCode,
    errorMessage: r.errorMessage,
    errorField: r.errorField,
  };
}

export const resendAction = defineAction(
  {
    name: 'resend.create',
    capability: 'resends:create',
    input: z.object({ id, planCode, amount }),
  },
  async ({ id: topupPk, planCode, amount }, ctx) =>
    answer(
      await requestResend(
        depsOf(ctx),
        topupPk,
        actorOf(ctx),
        // What it costs our balance, as the dialog showed it: worked out here, never taken
        // from the browser.
        { planCode, amount, cost: (await quote(planCode, amount)).cost },
        ctx.audit,
      ),
      topupPk,
      ctx,
    ),
);

export const decideResendAction = defineAction(
  {
    name: 'resend.decide',
    capability: 'resends:create',
    input: z.object({ id, decision: z.enum(['approve', 'reject']), note: optionalText(2000) }),
  },
  async ({ id: topupPk, decision, note }, ctx) =>
    answer(
      await decideResend(depsOf(ctx), topupPk, actorOf(ctx), decision, note, ctx.audit),
      topupPk,
      ctx,
    ),
);

/** What an offer costs our balance; not known when OneClick cannot list its plans. */
async function quote(planCode: string, amount: string) {
  try {
    return await resendQuote(getUpstream().client, planCode, amount);
  } catch (error) {
    if (isOneClickError(error)) return { planName: null, cost: null, enabled: true };
    throw error;
  }
}

/** What the offer costs our balance (the dialog asks when it opens). Reads only. */
export const resendQuoteAction = defineAction(
  { name: 'resend.quote', capability: 'resends:create', input: z.object({ planCode, amount }) },
  async ({ planCode, amount }) => quote(planCode, amount),
);
