import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../db/schema';
import { getRequest, issueToken } from '../../test/api-support';
import { createTestDb, recordingDb, type TestDb } from '../../test/db';
import { handleRead } from './handlers';
import { revokeToken } from './token-admin';
import { authenticateToken, hashToken, TOKEN_CHECK_TTL_MS } from './tokens';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

/** The statements' verbs, in order: `select`, `update`… */
const verbs = (statements: string[]) => statements.map((s) => s.split(' ')[0]);

const noUpstream = {
  checkId: async () => {
    throw new Error('no upstream call expected');
  },
};

describe('API tokens', () => {
  it('are shown once as fdk_… and only their SHA-256 is stored', async () => {
    const created = await issueToken(t.db, 'shop one');
    expect(created.token).toMatch(/^fdk_[A-Za-z0-9_-]{43}$/);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row?.tokenHash).toBe(hashToken(created.token));
    expect(row?.prefix).toBe(created.token.slice(0, 12));
    expect(JSON.stringify(row)).not.toContain(created.token);
  });

  it('let a created token in and record when it was last used, at most once a minute', async () => {
    const { token, id } = await issueToken(t.db, 'shop two');
    const first = new Date('2030-01-01T10:00:00Z');
    expect(await authenticateToken(t.db, `Bearer ${token}`, first)).toEqual({
      ok: true,
      token: { id, name: 'shop two', scopes: ['read', 'register', 'refund', 'resend'] },
    });
    const lastUsed = async () =>
      (await t.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]?.lastUsedAt;
    expect(await lastUsed()).toEqual(first);
    await authenticateToken(t.db, `bearer ${token}`, new Date(first.getTime() + 30_000));
    expect(await lastUsed()).toEqual(first);
    const later = new Date(first.getTime() + 61_000);
    await authenticateToken(t.db, `Bearer ${token}`, later);
    expect(await lastUsed()).toEqual(later);
  });

  it('refuse a revoked token at once, with 401 and a Bearer challenge', async () => {
    const { token, id } = await issueToken(t.db, 'shop three');
    await t.db.transaction((tx) => revokeToken(tx, id));
    expect(await authenticateToken(t.db, `Bearer ${token}`)).toEqual({
      ok: false,
      reason: 'revoked',
    });
    const res = await handleRead(getRequest('anything', token), 'anything', {
      db: t.db,
      client: noUpstream,
      now: () => new Date(),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('tell missing, malformed and unknown tokens apart for the logs', async () => {
    expect(await authenticateToken(t.db, null)).toEqual({ ok: false, reason: 'missing' });
    expect(await authenticateToken(t.db, 'Basic abc')).toEqual({ ok: false, reason: 'malformed' });
    expect(await authenticateToken(t.db, 'Bearer fdk_short')).toEqual({
      ok: false,
      reason: 'malformed',
    });
    const forged = `fdk_${'A'.repeat(43)}`;
    expect(await authenticateToken(t.db, `Bearer ${forged}`)).toEqual({
      ok: false,
      reason: 'unknown',
    });
  });

  it('cannot be revoked twice, and a revoked name can be reused', async () => {
    const { id } = await issueToken(t.db, 'rotating');
    await expect(issueToken(t.db, 'Rotating')).rejects.toMatchObject({
      messageKey: 'tokens.nameTaken',
    });
    await t.db.transaction((tx) => revokeToken(tx, id));
    await expect(t.db.transaction((tx) => revokeToken(tx, id))).rejects.toMatchObject({
      messageKey: 'tokens.alreadyRevoked',
    });
    await expect(issueToken(t.db, 'rotating')).resolves.toMatchObject({ name: 'rotating' });
  });

  it('cost one lookup a second and one last-used write a minute, however many calls arrive', async () => {
    const { token } = await issueToken(t.db, 'busy shop');
    const { db, statements } = recordingDb(t.pool);
    const at = new Date('2031-01-01T10:00:00Z');
    const later = (ms: number) => new Date(at.getTime() + ms);
    const burst = await Promise.all(
      Array.from({ length: 16 }, () => authenticateToken(db, `Bearer ${token}`, at)),
    );
    expect(burst.every((check) => check.ok)).toBe(true);
    for (const ms of [1, 500, TOKEN_CHECK_TTL_MS - 1])
      expect((await authenticateToken(db, `Bearer ${token}`, later(ms))).ok).toBe(true);
    expect(verbs(statements)).toEqual(['select', 'update']);

    statements.length = 0;
    // Read again after a second; last_used_at is still fresh, so nothing is written.
    expect((await authenticateToken(db, `Bearer ${token}`, later(TOKEN_CHECK_TTL_MS))).ok).toBe(
      true,
    );
    expect(verbs(statements)).toEqual(['select']);
  });

  it('are refused by every desk instance within TOKEN_CHECK_TTL_MS of being revoked', async () => {
    const { token, id } = await issueToken(t.db, 'leaked shop');
    const bearer = `Bearer ${token}`;
    // Another instance: its own handle on the database, and its own memory of tokens.
    const elsewhere = recordingDb(t.pool).db;
    const at = new Date('2031-02-01T10:00:00Z');
    const later = (ms: number) => new Date(at.getTime() + ms);
    expect((await authenticateToken(elsewhere, bearer, at)).ok).toBe(true);
    await t.db.transaction((tx) => revokeToken(tx, id, later(1)));

    expect(await authenticateToken(t.db, bearer, later(2))).toEqual({
      ok: false,
      reason: 'revoked',
    });
    // The documented bound: what an instance read less than TOKEN_CHECK_TTL_MS ago still holds.
    expect((await authenticateToken(elsewhere, bearer, later(TOKEN_CHECK_TTL_MS - 1))).ok).toBe(
      true,
    );
    expect(await authenticateToken(elsewhere, bearer, later(TOKEN_CHECK_TTL_MS))).toEqual({
      ok: false,
      reason: 'revoked',
    });
  });

  it('do not remember guessed tokens: each one is looked up, none is kept', async () => {
    const { db, statements } = recordingDb(t.pool);
    const forged = `Bearer fdk_${'B'.repeat(43)}`;
    const at = new Date('2031-03-01T10:00:00Z');
    expect(await authenticateToken(db, forged, at)).toEqual({ ok: false, reason: 'unknown' });
    expect(await authenticateToken(db, forged, at)).toEqual({ ok: false, reason: 'unknown' });
    expect(verbs(statements)).toEqual(['select', 'select']);
  });
});
