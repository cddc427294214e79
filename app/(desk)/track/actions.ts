'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/actions/action';
import { isRefused } from '@/lib/result';
import { trackTopup } from '@/lib/sync/track';
import { getUpstream } from '@/lib/sync/upstream';

const input = z.object({
  query: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(128, { error: 'validation.tooLong' }),
});

export const trackTopupAction = defineAction(
  { name: 'order.track', capability: 'orders:track', input },
  async ({ query }, ctx) => {
    const result = await trackTopup(
      { db: ctx.db, client: getUpstream().client, now: () => new Date() },
      query,
      {
        userId: ctx.user.id,
        name: ctx.user.email,
      },
    );
    if (isRefused(result)) return result;
    return { topupPk: result.topupPk, created: result.created, status: result.status };
  },
);
