import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { anonymousRefusals, auditLog } from '../../db/schema';
import { createTestDb, type TestDb } from '../../test/db';
import type { Pending, SessionUser } from '../auth/session';

// defineAction end to end on a real database; only the request (headers, session) is faked.
const request = vi.hoisted(() => ({
  headers: new Headers(),
  user: null as SessionUser | null,
  pending: null as Pending | null,
  db: undefined as unknown,
}));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));
vi.mock('../auth/session', () => ({
  getSession: async () =>
    request.user
      ? { user: request.user, sessionId: 'test-session', pending: request.pending }
      : null,
}));
vi.mock('../i18n/server', () => ({ getLocale: async () => 'en' }));
vi.mock('../db', () => ({ getDb: () => request.db }));

const { defineAction } = await import('./action');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  request.db = t.db;
});
afterAll(() => t.close());
beforeEach(() => {
  request.headers = new Headers({ 'x-forwarded-for': '203.0.113.66' });
  request.user = null;
  request.pending = null;
});

const saveLanguage = defineAction(
  { name: 'test.set_locale', capability: null, input: z.object({ locale: z.string() }) },
  async (input) => input,
);
const manageUsers = defineAction(
  { name: 'test.manage_users', capability: 'users:manage', input: z.object({}) },
  async () => null,
);
const support: SessionUser = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'agent@example.dz',
  name: 'Agent',
  role: 'support',
  locale: 'en',
};

const auditRows = (action: string) =>
  t.db
    .select({ outcome: auditLog.outcome, ip: auditLog.ip })
    .from(auditLog)
    .where(eq(auditLog.action, action));

describe('refused action calls', () => {
  it('an anonymous call is counted per day, action and reason, and writes no audit row', async () => {
    for (let i = 0; i < 5; i++)
      expect(await saveLanguage({ locale: 'fr' })).toMatchObject({ ok: false });
    expect(await auditRows('test.set_locale')).toEqual([]);
    const [today] = (
      await t.db.execute<{ day: string }>(
        sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD') as day`,
      )
    ).rows;
    const counted = await t.db
      .select({ day: anonymousRefusals.day, count: anonymousRefusals.count })
      .from(anonymousRefusals)
      .where(
        and(
          eq(anonymousRefusals.action, 'test.set_locale'),
          eq(anonymousRefusals.reason, 'signed_out'),
        ),
      );
    expect(counted).toEqual([{ day: today?.day, count: 5 }]);
  });

  it('a signed-in refusal keeps its audit row', async () => {
    request.user = support;
    expect(await manageUsers({})).toMatchObject({ ok: false });
    expect(await auditRows('test.manage_users')).toMatchObject([{ outcome: 'denied' }]);
  });

  it('the audit row does not take the client IP from a forwarded header no proxy vouches for', async () => {
    const id = '00000000-0000-4000-8000-000000000002';
    request.user = { ...support, id };
    request.headers = new Headers({ 'x-forwarded-for': '198.51.100.7, 203.0.113.9' });
    await manageUsers({});
    const rows = await t.db
      .select({ ip: auditLog.ip })
      .from(auditLog)
      .where(eq(auditLog.actorUserId, id));
    expect(rows).toEqual([{ ip: null }]);
  });
});

describe('a sign-in that still has a step to do (/setup)', () => {
  const setUp = defineAction(
    { name: 'test.setup_step', capability: null, allowPending: true, input: z.object({}) },
    async () => 'done',
  );
  it('runs only the actions /setup needs, and refuses every other as signed out', async () => {
    request.user = {
      id: crypto.randomUUID(),
      email: 'new@example.dz',
      name: 'New',
      role: 'finance',
      locale: null,
    };
    request.pending = 'enrol_second_factor';
    expect(await setUp({})).toEqual({ ok: true, data: 'done' });
    expect(await saveLanguage({ locale: 'fr' })).toMatchObject({ ok: false });
  });
});
