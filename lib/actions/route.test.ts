import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../db/schema';
import { createTestDb, type TestDb } from '../../test/db';
import type { SessionUser } from '../auth/session';

// defineRoute end to end on a real database; only the session is faked. The two CSV exports
// are built on it, and the last block checks they are.
const request = vi.hoisted(() => ({
  user: null as SessionUser | null,
  sessionReads: 0,
  db: undefined as unknown,
}));
vi.mock('../auth/session', () => ({
  getSessionUser: async () => {
    request.sessionReads++;
    return request.user;
  },
}));
vi.mock('../db', () => ({ getDb: () => request.db }));

const { defineRoute } = await import('./route');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  request.db = t.db;
});
afterAll(() => t.close());
beforeEach(() => {
  request.user = null;
  request.sessionReads = 0;
});

let served = 0;
const download = defineRoute(
  {
    name: 'test.download',
    capability: 'export',
    forbidden: (role) => `Your role (${role}) may not download this.`,
  },
  async ({ url, user }) => {
    served++;
    return {
      response: new Response(`rows for ${user.email}`),
      details: { query: url.search },
    };
  },
);
const person = (role: SessionUser['role']): SessionUser => ({
  id: '00000000-0000-4000-8000-00000000000a',
  email: `${role}@example.dz`,
  name: role,
  role,
  locale: 'en',
});
const get = (site?: string, headers: Record<string, string> = {}) =>
  download(
    new Request('http://desk.test/download?tab=REFUNDED', {
      headers: site ? { 'sec-fetch-site': site, ...headers } : headers,
    }),
  );
const audited = () =>
  t.db
    .select({ outcome: auditLog.outcome, details: auditLog.details, requestId: auditLog.requestId })
    .from(auditLog)
    .where(eq(auditLog.action, 'test.download'));

describe('a desk download', () => {
  it('refuses a cross-site request with 403 before it reads the session or runs', async () => {
    request.user = person('finance');
    const before = served;
    const res = await get('cross-site');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'cross_site' });
    expect(request.sessionReads).toBe(0);
    expect(served).toBe(before);
  });

  it('answers 401 without a session, for same-origin, same-site, typed-in and older browsers', async () => {
    for (const site of ['same-origin', 'same-site', 'none', undefined]) {
      const res = await get(site);
      expect(res.status, String(site)).toBe(401);
    }
    expect(request.sessionReads).toBe(4);
  });

  it('refuses a role without the capability with 403 and an audited refusal', async () => {
    request.user = person('support');
    const before = served;
    const res = await get('same-origin', { 'x-request-id': 'req-denied' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: 'forbidden',
      message: 'Your role (support) may not download this.',
    });
    expect(served).toBe(before);
    expect(await audited()).toContainEqual({
      outcome: 'denied',
      details: { reason: 'role', needs: 'export' },
      requestId: 'req-denied',
    });
  });

  it('serves the handler and audits what was taken', async () => {
    request.user = person('finance');
    const res = await get('same-origin', { 'x-request-id': 'req-ok' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('rows for finance@example.dz');
    expect(await audited()).toContainEqual({
      outcome: 'ok',
      details: { query: '?tab=REFUNDED' },
      requestId: 'req-ok',
    });
  });
});

describe('the CSV exports', () => {
  it.each([
    ['orders', '@/app/(desk)/orders/export/route'],
    ['reconciliation', '@/app/(desk)/reconciliation/export/route'],
  ])('the %s export refuses a cross-site request and an anonymous one', async (_, path) => {
    const { GET } = (await import(path)) as { GET: (r: Request) => Promise<Response> };
    const url = 'http://desk.test/export?from=2026-03-01&to=2026-03-10';
    const cross = await GET(new Request(url, { headers: { 'sec-fetch-site': 'cross-site' } }));
    expect(cross.status).toBe(403);
    expect(request.sessionReads).toBe(0);
    expect((await GET(new Request(url))).status).toBe(401);
    expect(request.sessionReads).toBe(1);
  });
});
