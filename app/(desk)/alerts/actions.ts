'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/action';
import { acknowledge } from '@/lib/alerts/acknowledge';
import { formatDateTime } from '@/lib/i18n/dates';
import { refused } from '@/lib/result';

// "I am on it": a manager, finance user or admin acknowledges an open alert. The alert stops
// reminding, the page shows who took it, and the audit row lands with the change.

export const acknowledgeAlertAction = defineAction(
  {
    name: 'alert.acknowledge',
    capability: 'alerts:acknowledge',
    input: z.object({ alertId: z.uuid({ error: 'validation.required' }) }),
  },
  async ({ alertId }, ctx) => {
    const outcome = await ctx.audited(async (tx) => {
      const result = await acknowledge(tx, { alertId, userId: ctx.user.id, at: new Date() });
      return {
        result,
        target: { type: 'alert', id: alertId },
        details: result.kind === 'acknowledged' ? { key: result.key } : { refused: result.kind },
      };
    });
    revalidatePath('/alerts');
    if (outcome.kind === 'missing') return refused('alerts.notFound');
    if (outcome.kind === 'resolved') return refused('alerts.notOpen');
    if (outcome.kind === 'already')
      return refused('alerts.alreadyAcknowledged', {
        params: { name: outcome.by ?? '—', time: formatDateTime(outcome.at, ctx.locale) },
      });
    return { acknowledged: true };
  },
);
