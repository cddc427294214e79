'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { queueRechecks } from '@/db/queries/order-actions';
import { defineAction } from '@/lib/actions/action';

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
