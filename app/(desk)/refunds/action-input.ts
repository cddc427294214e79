import { z } from 'zod';
import type { ActionContext } from '@/lib/actions/action';
import type { RefundActor } from '@/lib/refunds/service';

// What the refund and re-send actions read the same way: the order id, optional texts, and the
// person acting (who the money services audit).

export const orderId = z.coerce.number({ error: 'validation.required' }).int().positive();

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .optional()
    .transform((v) => v || null);

export const actorOf = (ctx: ActionContext): RefundActor => ({
  userId: ctx.user.id,
  label: ctx.user.email,
  role: ctx.user.role,
  viaToken: false,
});
