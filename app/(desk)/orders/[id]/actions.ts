'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addNote } from '@/db/queries/order-actions';
import { defineAction } from '@/lib/actions/action';
import { checkNow } from '@/lib/sync/check-now';
import { getUpstream } from '@/lib/sync/upstream';

const orderId = z.coerce.number({ error: 'validation.required' }).int().positive();
const NOTE_MAX = 2000;

export const checkNowAction = defineAction(
  { name: 'order.check_now', capability: 'orders:check', input: z.object({ id: orderId }) },
  async ({ id }, ctx) => {
    const checked = await checkNow(
      { db: ctx.db, client: getUpstream().client, now: () => new Date() },
      id,
      { userId: ctx.user.id, name: ctx.user.email },
    );
    revalidatePath(`/orders/${id}`);
    return checked;
  },
);

export const addNoteAction = defineAction(
  {
    name: 'order.add_note',
    capability: 'orders:note',
    input: z.object({
      id: orderId,
      body: z
        .string({ error: 'validation.required' })
        .trim()
        .min(1, { error: 'validation.required' })
        .max(NOTE_MAX, { error: 'validation.tooLong' }),
    }),
  },
  async ({ id, body }, ctx) => {
    // Notes live in the order's append-only timeline, next to what the upstream said.
    await addNote(ctx.db, { topupPk: id, userId: ctx.user.id, actor: ctx.user.email, body });
    revalidatePath(`/orders/${id}`);
    return null;
  },
);
