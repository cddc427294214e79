'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/action';
import { acknowledge } from '@/lib/alerts/acknowledge';
import { UserFacingError } from '@/lib/errors/user-facing';
import { formatDateTime } from '@/lib/i18n/dates';

// "I am on it": a manager, finance user or admin acknowledges an open alert. The alert stops
// reminding, the page shows who took it, and the audit row lands with the change.

export const acknowledgeAlertAction = defineAction(
  {
    name: 'alert.acknowledge',
    capability: 'alerts:acknowledge',
    input: z.object({ alertId: z.uuid({ error: 'validation.required' }) }),
  },
  async ({ alertId }, ctx) => {
    await ctx.audited(async (tx) => {
      const result = await acknowledge(tx, { alertId, userId: ctx.user.id, at: new Date() });
      // A refusal rolls back and is audited as such by defineAction, once.
      if (result.kind === 'missing') throw new UserFacingError('alerts.notFound');
      if (result.kind === 'resolved') throw new UserFacingError('alerts.notOpen');
      if (result.kind === 'already')
        throw new UserFacingError('alerts.alreadyAcknowledged', {
          params: { name: result.by ?? '—', time: formatDateTime(result.at, ctx.locale) },
        });
      return {
        result,
        target: { type: 'alert', id: alertId },
        details: { key: result.key },
      };
    });
    revalidatePath('/alerts');
    return { acknowledged: true };
  },
);
