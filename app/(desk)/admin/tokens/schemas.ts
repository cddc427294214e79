import { z } from 'zod';

// Messages are catalogue keys, translated by the action wrapper.
export const createTokenInput = z.object({
  name: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(80, { error: 'validation.tooLong' }),
});

export const revokeTokenInput = z.object({ tokenId: z.uuid({ error: 'validation.required' }) });
