import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { apiTokens, users } from '../../db/schema';
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
  const [clash] = await tx
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(sql`lower(${apiTokens.name}) = lower(${input.name})`, isNull(apiTokens.revokedAt)))
    .limit(1);
  if (clash) throw new UserFacingError('tokens.nameTaken', { field: 'name' });
  const { token, prefix, tokenHash } = generateToken();
  const [row] = await tx
    .insert(apiTokens)
    .values({ name: input.name, prefix, tokenHash, createdBy: input.createdBy, scopes })
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
  if (!row) throw new Error('token insert returned no row');
  return { ...row, scopes, token };
}

export async function revokeToken(tx: Tx, id: string, now: Date = new Date()) {
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
  if (row) return row;
  const [existing] = await tx
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(eq(apiTokens.id, id));
  throw new UserFacingError(existing ? 'tokens.alreadyRevoked' : 'tokens.notFound');
}

/** The admin list: display columns only — the hash never leaves the database. */
export function listTokens(db: Db) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      createdByEmail: users.email,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      scopes: apiTokens.scopes,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, asc(apiTokens.name));
}

export type TokenListRow = Awaited<ReturnType<typeof listTokens>>[number];
