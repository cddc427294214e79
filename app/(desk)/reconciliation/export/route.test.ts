import { beforeEach, describe, expect, it, vi } from 'vitest';

// A cross-site page can make a signed-in browser fetch this GET (a link, an <img>): the export
// must refuse it before it reads the session, runs a query or writes an audit row.

const session = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => {
    session.calls++;
    return null;
  },
}));
const { GET } = await import('./route');

const get = (site?: string) =>
  GET(
    new Request('http://desk.test/reconciliation/export?from=2026-03-01&to=2026-03-10', {
      headers: site ? { 'sec-fetch-site': site } : {},
    }),
  );

beforeEach(() => {
  session.calls = 0;
});

describe('the reconciliation CSV export', () => {
  it('refuses a cross-site request with 403 before anything else runs', async () => {
    const res = await get('cross-site');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'cross_site' });
    expect(session.calls).toBe(0);
  });

  it('lets same-origin, same-site, typed-in and older browsers through to the session check', async () => {
    for (const site of ['same-origin', 'same-site', 'none', undefined]) {
      const res = await get(site);
      expect(res.status, String(site)).toBe(401);
    }
    expect(session.calls).toBe(4);
  });
});
