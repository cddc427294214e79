'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { queueRechecks } from '@/db/queries/order-actions';
import { unknownOrder } from '@/db/queries/unknown';
import { defineAction } from '@/lib/actions/action';
import { UserFacingError } from '@/lib/errors/user-facing';
import { getT } from '@/lib/i18n/server';
import { escalationPack } from '@/lib/orders/escalation';

/** Orders checked less than this long ago are not queued again (the upstream is not hammered). */
const MIN_GAP_MS = 60_000;

export const recheckUnknownAction = defineAction(
  {
    name: 'order.recheck_unknown',
    capability: 'orders:check',
    input: z.object({
      ids: z
        .array(z.coerce.number().int().positive())
        .min(1, { error: 'unknown.noneSelected' })
        .max(200),
    }),
  },
  async ({ ids }, ctx) => {
    const now = new Date();
    // The engine does the checks at its own capped rate; this only moves them up its queue.
    const queued = await ctx.audited(async (tx) => {
      const rows = await queueRechecks(tx, ids, now, MIN_GAP_MS);
      return { result: rows.length, details: { requested: ids.length, queued: rows.length } };
    });
    revalidatePath('/unknown');
    return { queued };
  },
);

/**
 * The escalation pack of one order, built when a person opens it: the queue does not send a
 * pack (order, timeline, request ids) for every overdue row to a browser that shows a few.
 */
export const escalationPackAction = defineAction(
  {
    name: 'order.escalation_pack',
    capability: 'orders:read',
    input: z.object({ id: z.coerce.number({ error: 'validation.required' }).int().positive() }),
  },
  async ({ id }, ctx) => {
    const found = await unknownOrder(ctx.db, id);
    if (!found) throw new UserFacingError('unknown.packGone');
    const t = await getT();
    const pack = escalationPack(found.order, found.events, {
      title: t('unknown.pack.title'),
      topupId: t('unknown.pack.topupId'),
      ref: t('unknown.pack.ref'),
      phone: t('unknown.pack.phone'),
      amount: t('unknown.pack.amount'),
      plan: t('unknown.pack.plan'),
      created: t('unknown.pack.created'),
      unknownSince: t('unknown.pack.unknownSince'),
      requestIds: t('unknown.pack.requestIds'),
      timeline: t('unknown.pack.timeline'),
      none: t('unknown.pack.none'),
      currency: t('money.currency'),
    });
    return { pack };
  },
);
