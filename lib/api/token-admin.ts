import 'server-only';
import type { Tx } from '../../db/client';
import {
  insertToken,
  liveTokenNamed,
  revokeLiveToken,
  tokenExists,
} from '../../db/queries/api-tokens';
import { UserFacingError } from '../errors/user-facing';
import { type ApiScope, normalizeScopes } from './scopes';
import { generateToken } from './tokens';

// What the admin page does with tokens. Callers pass the transaction that also writes the
// audit row (lib/actions/action.ts), so a token never exists without its audit trail.

export async function createToken(
  tx: Tx,
  input: { name: string; createdBy: string | null; scopes: readonly ApiScope[] },
) {
  const scopes = normalizeScopes(input.scopes);
  // The form asks for one; a token that may do nothing is a mistake, not a choice.
  if (scopes.length === 0)
    throw new UserFacingError('apiAdmin.scopesRequired', { field: 'scopes' });
  // Events name the token (`token:<name>`): two live tokens with one name would be ambiguous.
  if (await liveTokenNamed(tx, input.name))
    throw new UserFacingError('tokens.nameTaken', { field: 'name' });
  const { token, prefix, tokenHash } = generateToken();
  const row = await insertToken(tx, {
    name: input.name,
    prefix,
    tokenHash,
    createdBy: input.createdBy,
    scopes,
  });
  return { ...row, scopes, token };
}

export async function revokeToken(tx: Tx, id: string, now: Date = new Date()) {
  const row = await revokeLiveToken(tx, { id, now });
  if (row) return row;
  const existing = await tokenExists(tx, id);
  throw new UserFacingError(existing ? 'tokens.alreadyRevoked' : 'tokens.notFound');
}

// The admin page's list is a plain read; it lives with the other token queries.
