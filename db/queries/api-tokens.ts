import 'server-only';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { apiTokens, users } from '../schema';

// The shop's bearer tokens: the lookup the API does on each request, and what the admin page
// does with them. Only the token's SHA-256 is stored; the caller hashes.

/** The token with this hash (revoked or not), through the unique index on the hash; or null. */
export async function findTokenByHash(db: Db | Tx, tokenHash: string) {
  const [row] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, tokenHash));
  return row ?? null;
}

/** Sets `last_used_at` to `now`, unless it was already set after `staleBefore`. */
export async function touchTokenLastUsed(
  db: Db | Tx,
  params: { id: string; now: Date; staleBefore: Date },
) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: params.now })
    .where(
      and(
        eq(apiTokens.id, params.id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, params.staleBefore)),
      ),
    );
}

/** Whether a live (not revoked) token has this name, compared case-insensitively. */
export async function liveTokenNamed(db: Db | Tx, name: string): Promise<boolean> {
  const [clash] = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(sql`lower(${apiTokens.name}) = lower(${name})`, isNull(apiTokens.revokedAt)))
    .limit(1);
  return clash !== undefined;
}

/** Stores a new token (its hash, never the token); returns what the admin page shows. */
export async function insertToken(
  db: Db | Tx,
  params: {
    name: string;
    prefix: string;
    tokenHash: string;
    createdBy: string | null;
    scopes: string[];
  },
) {
  const [row] = await db
    .insert(apiTokens)
    .values(params)
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
  if (!row) throw new Error('token insert returned no row');
  return row;
}

/** Revokes a live token; null when there is no such token or it was already revoked. */
export async function revokeLiveToken(db: Db | Tx, params: { id: string; now: Date }) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: params.now })
    .where(and(eq(apiTokens.id, params.id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
  return row ?? null;
}

/** Whether a token with this id exists, revoked or not. */
export async function tokenExists(db: Db | Tx, id: string): Promise<boolean> {
  const [existing] = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(eq(apiTokens.id, id));
  return existing !== undefined;
}

/** The admin list: display columns only — the hash never leaves the database. */
export function listTokens(db: Db | Tx) {
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
