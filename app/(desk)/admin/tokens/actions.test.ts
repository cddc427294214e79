import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { apiTokens, auditLog } from '@/db/schema';
import { createUser } from '@/lib/users/service';
import { createTestDb, type TestDb } from '@/test/db';

// The create-token action as the admin page calls it: the scopes ticked are the token's, and
// the audit row says what the new token may do.

const admin = vi.hoisted(() => ({ id: '' }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-request-id': 'req-token-create' }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('@/lib/auth/session', () => ({
  getSession: async () => ({
    user: { id: admin.id, email: 'amina@shop.dz', name: 'Amina', role: 'admin', locale: 'en' },
    sessionId: 'session-1',
    pending: null,
  }),
  getSessionUser: async () => null,
}));
const { createApiToken } = await import('./actions');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { __flexyDb?: Db }).__flexyDb = t.db;
  const user = await t.db.transaction((tx) =>
    createUser(tx, {
      email: 'amina@shop.dz',
      name: 'Amina',
      role: 'admin',
      password: 'a-long-password',
    }),
  );
  admin.id = user.id;
});
afterAll(() => t.close());

describe('creating an API token in the desk', () => {
  it('gives it the scopes the admin ticked and records them in the audit row', async () => {
    const result = await createApiToken({ name: 'stock checker', scopes: ['read'] });
    expect(result.ok).toBe(true);
    const [token] = await t.db
      .select({ id: apiTokens.id, scopes: apiTokens.scopes })
      .from(apiTokens)
      .where(eq(apiTokens.name, 'stock checker'));
    expect(token?.scopes).toEqual(['read']);
    const [audit] = await t.db
      .select({ details: auditLog.details, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'token.create'), eq(auditLog.targetId, token?.id ?? '')));
    expect(audit).toMatchObject({ actor: admin.id, details: { scopes: ['read'] } });
  });

  it('refuses a token with no scope, naming the field, and creates nothing', async () => {
    const result = await createApiToken({ name: 'does nothing', scopes: [] });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { scopes: 'Choose at least one scope.' },
    });
    const rows = await t.db
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(eq(apiTokens.name, 'does nothing'));
    expect(rows).toEqual([]);
  });
});
