'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/action';
import * as tokenAdmin from '@/lib/api/token-admin';
import { createTokenInput, revokeTokenInput } from './schemas';

const PAGE = '/admin/tokens';

export const createApiToken = defineAction(
  { name: 'token.create', capability: 'tokens:manage', input: createTokenInput },
  async ({ name, scopes }, ctx) => {
    const created = await ctx.audited(async (tx) => {
      const row = await tokenAdmin.createToken(tx, { name, createdBy: ctx.user.id, scopes });
      // The audit row names the token, its prefix and what it may do, never the token itself.
      return {
        result: row,
        target: { type: 'api_token', id: row.id },
        details: { name: row.name, prefix: row.prefix, scopes: row.scopes },
      };
    });
    revalidatePath(PAGE);
    // Shown once to the admin; only its hash is stored.
    return { name: created.name, token: created.token };
  },
);

export const revokeApiToken = defineAction(
  { name: 'token.revoke', capability: 'tokens:manage', input: revokeTokenInput },
  async ({ tokenId }, ctx) => {
    await ctx.audited(async (tx) => {
      const row = await tokenAdmin.revokeToken(tx, tokenId);
      return {
        result: row,
        target: { type: 'api_token', id: row.id },
        details: { name: row.name, prefix: row.prefix },
      };
    });
    revalidatePath(PAGE);
    return null;
  },
);
