import { z } from 'zod';
import { scopesSchema } from '@/lib/api/scopes-schema';

// Messages are catalogue keys, translated by the action wrapper.
export const createTokenInput = z.object({
  name: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(80, { error: 'validation.tooLong' }),
  scopes: scopesSchema('apiAdmin.scopesRequired'),
});

export const revokeTokenInput = z.object({ tokenId: z.uuid({ error: 'validation.required' }) });
