import { z } from 'zod';
import { ROLES } from '@/db/enums';

// Messages are catalogue keys, translated by the action wrapper.
const userId = z.uuid({ error: 'validation.required' });

export const createUserInput = z.object({
  email: z.email({ error: 'validation.email' }).max(320, { error: 'validation.tooLong' }),
  name: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(120, { error: 'validation.tooLong' }),
  role: z.enum(ROLES, { error: 'validation.role' }),
});

export const setRoleInput = z.object({ userId, role: z.enum(ROLES, { error: 'validation.role' }) });
export const setDisabledInput = z.object({ userId, disabled: z.boolean() });
export const userIdInput = z.object({ userId });
