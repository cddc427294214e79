'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/action';
import {
  changePassword,
  confirmEnrolment,
  regenerateRecoveryCodes,
  startEnrolment,
} from '@/lib/auth/account';
import { revokeOtherSessions } from '@/lib/auth/sessions';
import { getConfig } from '@/lib/config';
import { UserFacingError } from '@/lib/errors/user-facing';

// A person's own account security. These run while a sign-in is still pending (a temporary
// password to change, a second factor to enrol): that is what /setup is for.

const code = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(16);

function serverSecret() {
  const secret = getConfig().NEXTAUTH_SECRET;
  if (!secret) throw new UserFacingError('errors.signedOut');
  return secret;
}

export const changeOwnPassword = defineAction(
  {
    name: 'auth.password_change',
    capability: null,
    allowPending: true,
    input: z.object({
      current: z
        .string({ error: 'validation.required' })
        .min(1, { error: 'validation.required' })
        .max(1024),
      next: z
        .string({ error: 'validation.required' })
        .min(1, { error: 'validation.required' })
        .max(1024),
    }),
  },
  async ({ current, next }, ctx) => {
    const result = await ctx.audited(async (tx) => ({
      result: await changePassword(tx, {
        userId: ctx.user.id,
        sessionId: ctx.sessionId,
        current,
        next,
      }),
      target: { type: 'user', id: ctx.user.id },
    }));
    revalidatePath('/setup');
    return result;
  },
);

export const beginSecondFactor = defineAction(
  { name: 'auth.totp_start', capability: null, allowPending: true, input: z.object({}) },
  async (_input, ctx) =>
    ctx.audited(async (tx) => ({
      // The secret goes to this person's browser once, to be typed or scanned; never to the log.
      result: await startEnrolment(tx, ctx.user, serverSecret()),
      target: { type: 'user', id: ctx.user.id },
    })),
);

export const confirmSecondFactor = defineAction(
  { name: 'auth.totp_enable', capability: null, allowPending: true, input: z.object({ code }) },
  async (input, ctx) => {
    const result = await ctx.audited(async (tx) => ({
      result: await confirmEnrolment(
        tx,
        { userId: ctx.user.id, sessionId: ctx.sessionId, code: input.code },
        serverSecret(),
      ),
      target: { type: 'user', id: ctx.user.id },
    }));
    // No revalidation here: the recovery codes stay on screen until the person has saved them.
    return result;
  },
);

export const replaceRecoveryCodes = defineAction(
  { name: 'auth.recovery_codes', capability: null, input: z.object({ code }) },
  async (input, ctx) =>
    ctx.audited(async (tx) => ({
      result: await regenerateRecoveryCodes(
        tx,
        { userId: ctx.user.id, code: input.code },
        serverSecret(),
      ),
      target: { type: 'user', id: ctx.user.id },
    })),
);

export const signOutOtherSessions = defineAction(
  { name: 'auth.sign_out_others', capability: null, input: z.object({}) },
  async (_input, ctx) => {
    const ended = await ctx.audited(async (tx) => {
      const count = await revokeOtherSessions(
        tx,
        ctx.user.id,
        ctx.sessionId,
        'signed_out_by_owner',
      );
      return {
        result: count,
        target: { type: 'user', id: ctx.user.id },
        details: { ended: count },
      };
    });
    revalidatePath('/settings');
    return { ended };
  },
);
