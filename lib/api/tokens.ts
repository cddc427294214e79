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
 * How long an instance reuses what it read about a token. This is the bound on revocation: a
 * token revoked in the desk is refused by every instance within this time. Meanwhile the
 * shop's calls cost no token query (one a second per token and instance at most).
 */
export const TOKEN_CHECK_TTL_MS = 1_000;
/** Tokens remembered per database handle; the oldest read is dropped first. */
const MAX_REMEMBERED = 1_000;

type Known = { token: ApiToken; revoked: boolean; lastUsedAt: Date | null };
type Remembered = { readAt: number; known: Promise<Known | null> };
const remembered = new WeakMap<Db, Map<string, Remembered>>();

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
  const known = await lookup(db, hashToken(bearer), now.getTime());
  if (!known) return { ok: false, reason: 'unknown' };
  if (known.revoked) return { ok: false, reason: 'revoked' };
  await touchLastUsed(db, known, now);
  return { ok: true, token: known.token };
}

/** The token with this hash, read at most once per TOKEN_CHECK_TTL_MS; concurrent calls share it. */
function lookup(db: Db, tokenHash: string, now: number): Promise<Known | null> {
  let byHash = remembered.get(db);
  if (!byHash) {
    byHash = new Map();
    remembered.set(db, byHash);
  }
  const hit = byHash.get(tokenHash);
  if (hit && now >= hit.readAt && now - hit.readAt < TOKEN_CHECK_TTL_MS) return hit.known;

  const known = findTokenByHash(db, tokenHash).then((row): Known | null => {
    if (!row) return null;
    const scopes = Object.freeze(normalizeScopes(row.scopes)) as ApiScope[];
    return {
      token: Object.freeze({ id: row.id, name: row.name, scopes }),
      revoked: row.revokedAt !== null,
      lastUsedAt: row.lastUsedAt,
    };
  });
  const entry: Remembered = { readAt: now, known };
  byHash.delete(tokenHash);
  if (byHash.size >= MAX_REMEMBERED) {
    const oldest = byHash.keys().next().value;
    if (oldest !== undefined) byHash.delete(oldest);
  }
  byHash.set(tokenHash, entry);
  // Only real tokens are remembered: guessed ones cannot fill the map, and errors are not kept.
  const forget = () => {
    if (byHash.get(tokenHash) === entry) byHash.delete(tokenHash);
  };
  known.then((k) => {
    if (!k) forget();
  }, forget);
  return known;
}

async function touchLastUsed(db: Db, known: Known, now: Date) {
  const staleBefore = new Date(now.getTime() - LAST_USED_GRANULARITY_MS);
  if (known.lastUsedAt && known.lastUsedAt >= staleBefore) return;
  // Set first: the calls that arrive while this write runs do not write again.
  known.lastUsedAt = now;
  // Still conditional in SQL: other instances write the same column.
  await touchTokenLastUsed(db, { id: known.token.id, now, staleBefore });
}
