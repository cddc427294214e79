'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { resetCredentialsStanding } from '@/db/queries/credentials';
import { noteQuarantinedStillBad, settleQuarantined } from '@/db/queries/quarantine';
import { defineAction } from '@/lib/actions/action';
import { getConfig } from '@/lib/config';
import { UserFacingError } from '@/lib/errors/user-facing';
import { keyFingerprint } from '@/lib/sync/credentials';
import { retryQuarantined } from '@/lib/sync/quarantine-actions';
import { getUpstream } from '@/lib/sync/upstream';

const PAGE = '/health';
const itemId = z.coerce.number({ error: 'validation.required' }).int().positive();

/** An admin says the key was fixed upstream: calls may try again, one probe at a time. */
export const reenableUpstream = defineAction(
  { name: 'upstream.reenable', capability: 'sync:manage', input: z.object({}) },
  async (_input, ctx) => {
    const apiKey = getConfig().ONECLICK_API_KEY;
    if (!apiKey) throw new UserFacingError('errors.unexpected', { params: { ref: ctx.requestId } });
    const fingerprint = keyFingerprint(apiKey);
    await ctx.audited(async (tx) => ({
      result: await resetCredentialsStanding(tx, fingerprint, ctx.user.id, new Date()),
      target: { type: 'upstream_key', id: fingerprint },
    }));
    // This process's cached standing must not wait for its refresh to see the reset.
    await getUpstream().client.refreshState();
    revalidatePath(PAGE);
    return null;
  },
);

export const retryQuarantineItem = defineAction(
  { name: 'quarantine.retry', capability: 'sync:manage', input: z.object({ id: itemId }) },
  async ({ id }, ctx) => {
    const now = () => new Date();
    const outcome = await retryQuarantined({ db: ctx.db, client: getUpstream().client, now }, id, {
      userId: ctx.user.id,
      name: ctx.user.email,
    });
    if (outcome.kind === 'gone') throw new UserFacingError('sync.quarantine.gone');
    if (outcome.kind === 'still_bad') {
      await noteQuarantinedStillBad(ctx.db, id, outcome.error, now());
      throw new UserFacingError('sync.quarantine.stillBad', { params: { error: outcome.error } });
    }
    await ctx.audited(async (tx) => {
      const note = 'applied from a live check';
      if (
        !(await settleQuarantined(tx, id, { state: 'resolved', by: ctx.user.id, at: now(), note }))
      )
        throw new UserFacingError('sync.quarantine.gone');
      return {
        result: null,
        target: { type: 'quarantine', id: String(id) },
        details: { topupPk: outcome.topupPk },
      };
    });
    revalidatePath(PAGE);
    return { topupPk: outcome.topupPk };
  },
);

export const dismissQuarantineItem = defineAction(
  {
    name: 'quarantine.dismiss',
    capability: 'sync:manage',
    input: z.object({
      id: itemId,
      note: z
        .string({ error: 'validation.required' })
        .trim()
        .min(1, { error: 'validation.required' })
        .max(500, { error: 'validation.tooLong' }),
    }),
  },
  async ({ id, note }, ctx) => {
    await ctx.audited(async (tx) => {
      // Closing it and its audit row land together, or neither (someone closed it first).
      if (
        !(await settleQuarantined(tx, id, {
          state: 'dismissed',
          by: ctx.user.id,
          at: new Date(),
          note,
        }))
      )
        throw new UserFacingError('sync.quarantine.gone');
      return { result: null, target: { type: 'quarantine', id: String(id) }, details: { note } };
    });
    revalidatePath(PAGE);
    return null;
  },
);
