import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createTestDb, type TestDb } from '@/test/db';
import { until } from '@/test/until';

// The admin "create user" action end to end on a real database; only the request is faked and
// the log is captured.
const request = vi.hoisted(() => ({
  user: null as SessionUser | null,
  db: undefined as unknown,
  logLines: [] as string[],
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('@/lib/auth/session', () => ({
  getSession: async () =>
    request.user ? { user: request.user, sessionId: 'test-session', pending: null } : null,
}));
vi.mock('@/lib/i18n/server', () => ({ getLocale: async () => 'en' }));
vi.mock('@/lib/db', () => ({ getDb: () => request.db }));
vi.mock('@/lib/log', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/log')>();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      request.logLines.push(String(chunk));
      done();
    },
  });
  return { ...real, log: real.createLogger(sink) };
});

const { createUser } = await import('./actions');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  request.db = t.db;
  const { rows } = await t.pool.query<{ id: string }>(
    `insert into users (email, name, role, password_hash)
     values ('root@example.dz', 'Root', 'admin', 'x') returning id`,
  );
  request.user = {
    id: rows[0]?.id ?? '',
    email: 'root@example.dz',
    name: 'Root',
    role: 'admin',
    locale: 'en',
  };
});
afterAll(() => t.close());

describe('creating a user', () => {
  it('two admins creating the same email at once: one account, a clean "email already used", no password hash in the audit log or the logs', async () => {
    // Hold inserts into users (reads still pass) until both creations have checked that the
    // email is free: the unique index, not the check, has to settle it.
    const blocker = new pg.Client({ connectionString: t.url });
    await blocker.connect();
    await blocker.query('begin; lock table users in share mode');
    const input = { email: 'twice@example.dz', name: 'Twice', role: 'support' as const };
    const both = Promise.all([createUser(input), createUser(input)]);
    await until('both creations waiting on the lock', async () => {
      const { rows } = await t.pool.query<{ waiting: number }>(
        `select count(*)::int as waiting from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'`,
      );
      return (rows[0]?.waiting ?? 0) >= 2;
    });
    await blocker.query('commit');
    await blocker.end();
    const results = await both;

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      {
        ok: false,
        error: 'A user with this email already exists.',
        fieldErrors: { email: 'A user with this email already exists.' },
      },
    ]);
    const audit = await t.pool.query(`select details::text as details from audit_log`);
    expect(JSON.stringify(audit.rows)).not.toContain('$argon2');
    expect(request.logLines.join('\n')).not.toContain('$argon2');
  });
});
