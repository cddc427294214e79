import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import { findTokenByHash, touchTokenLastUsed } from '../../db/queries/api-tokens';
import { type ApiScope, normalizeScopes } from './scopes';

// Bearer tokens for the merchant's shop. The token is shown once; only its SHA-256 is stored,
// so a database dump does not hand out working tokens. 32 random bytes make guessing and
// precomputation pointless, which is why a fast unsalted hash is enough here.

const TOKEN_PREFIX = 'fdk_';
const TOKEN_SHAPE = /^fdk_[A-Za-z0-9_-]{43}$/;
/** Enough characters to tell tokens apart in a list, far too few to guess the rest. */
const DISPLAY_PREFIX_LENGTH = 12;
/** `last_used_at` is a hint for admins, not a log: one write a minute per token is plenty. */
const LAST_USED_GRANULARITY_MS = 60_000;

export type ApiToken = { id: string; name: string; scopes: ApiScope[] };

export type TokenFailure = 'missing' | 'malformed' | 'unknown' | 'revoked';
export type TokenCheck = { ok: true; token: ApiToken } | { ok: false; reason: TokenFailure };

export function generateToken(): { token: string; prefix: string; tokenHash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(0, DISPLAY_PREFIX_LENGTH), tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** `Bearer <token>` → the token, or why not. The scheme is case-insensitive (RFC 7235). */
export function readBearer(header: string | null | undefined): string | TokenFailure {
  if (!header?.trim()) return 'missing';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (!match?.[1]) return 'malformed';
  return TOKEN_SHAPE.test(match[1]) ? match[1] : 'malformed';
}

/**
 * Checks an `Authorization` header. The lookup is by hash through a unique index, so the
 * comparison never runs character by character over a secret (no timing signal on prefixes).
 */
export async function authenticateToken(
  db: Db,
  authorization: string | null | undefined,
  now: Date = new Date(),
): Promise<TokenCheck> {
  const bearer = readBearer(authorization);
  if (bearer === 'missing' || bearer === 'malformed') return { ok: false, reason: bearer };
  const row = await findTokenByHash(db, hashToken(bearer));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revokedAt) return { ok: false, reason: 'revoked' };
  await touchLastUsed(db, row.id, now);
  return {
    ok: true,
    token: { id: row.id, name: row.name, scopes: normalizeScopes(row.scopes) },
  };
}

async function touchLastUsed(db: Db, id: string, now: Date) {
  const staleBefore = new Date(now.getTime() - LAST_USED_GRANULARITY_MS);
  await touchTokenLastUsed(db, { id, now, staleBefore });
}
