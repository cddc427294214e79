'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/action';
import { resetSecondFactor } from '@/lib/auth/account';

/** A lost phone and no recovery code: an admin resets the person's second factor (audited). */
export const resetUserSecondFactor = defineAction(
  {
    name: 'user.reset_second_factor',
    capability: 'users:manage',
    input: z.object({ userId: z.uuid({ error: 'validation.required' }) }),
  },
  async ({ userId }, ctx) => {
    const row = await ctx.audited(async (tx) => {
      const reset = await resetSecondFactor(tx, userId);
      return {
        result: reset,
        target: { type: 'user', id: reset.id },
        details: { email: reset.email },
      };
    });
    revalidatePath('/admin/users');
    return { email: row.email };
  },
);
