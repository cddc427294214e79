import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { Role } from '@/db/enums';
import { auditLog, savedViews } from '@/db/schema';
import { DEFAULT_FILTERS } from '@/lib/orders/filter-query';
import { parseOrderFilters } from '@/lib/orders/filters';
import { createUser } from '@/lib/users/service';
import { resolveOrdersParams, savedViewsFor } from '@/lib/views/orders-page';
import { createTestDb, type TestDb } from '@/test/db';

// Saved views as the orders page uses them: through the real actions (session, role, audit)
// on a real Postgres; only the request (headers, session cookie) is stood in for.

type Person = { id: string; email: string; name: string; role: Role };
const as = vi.hoisted(() => ({ user: null as null | Person }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-request-id': 'req-views' }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('@/lib/auth/session', () => ({
  getSession: async () =>
    as.user ? { user: { ...as.user, locale: 'en' }, sessionId: 's-1', pending: null } : null,
  getSessionUser: async () => null,
}));
const { saveView, renameView, shareView, deleteView, pinView, unpinView } = await import(
  './actions'
);

let t: TestDb;
const people = {} as Record<'manager' | 'support' | 'support2' | 'finance' | 'admin', Person>;

async function person(key: keyof typeof people, role: Role) {
  const email = `${key}@views.test`;
  const user = await t.db.transaction((tx) =>
    createUser(tx, { email, name: key, role, password: 'a-long-password-1' }),
  );
  people[key] = { id: user.id, email, name: key, role };
}

const tabsOf = async (who: Person) =>
  (await savedViewsFor(t.db, who, DEFAULT_FILTERS)).tabs.map((tab) => tab.name);

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { __flexyDb?: Db }).__flexyDb = t.db;
  await person('manager', 'manager');
  await person('support', 'support');
  await person('support2', 'support');
  await person('finance', 'finance');
  await person('admin', 'admin');
});
afterAll(() => t.close());

async function audits(action: string, actor: string) {
  return t.db
    .select({ outcome: auditLog.outcome, details: auditLog.details, targetId: auditLog.targetId })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorUserId, actor)));
}

describe('saving a view', () => {
  it('stores the query as the parser writes it, without the paging cursor, and audits it', async () => {
    as.user = people.manager;
    const result = await saveView({
      name: '  Mobilis refunds  ',
      sharing: 'private',
      query: '?operator=Mobilis&tab=REFUNDED&after=cursor-123&size=100&hide=plan,ref',
    });
    expect(result).toMatchObject({ ok: true, data: { name: 'Mobilis refunds' } });
    if (!result.ok) return;
    expect(result.data.query).toBe('tab=REFUNDED&operator=Mobilis&size=100&hide=plan%2Cref');
    const [audit] = await audits('view.save', people.manager.id);
    expect(audit).toMatchObject({ outcome: 'ok', targetId: result.data.id });
  });

  it('refuses an empty name, an over-long one and a name the owner already uses', async () => {
    as.user = people.manager;
    expect(await saveView({ name: '   ', sharing: 'private', query: '' })).toMatchObject({
      ok: false,
      fieldErrors: { name: 'Give the view a name.' },
    });
    expect(await saveView({ name: 'x'.repeat(61), sharing: 'private', query: '' })).toMatchObject({
      ok: false,
      fieldErrors: { name: 'A view name has at most 60 characters.' },
    });
    expect(
      await saveView({ name: 'MOBILIS REFUNDS', sharing: 'private', query: '' }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { name: 'You already have a view called “MOBILIS REFUNDS”.' },
    });
  });

  it('lets two people use the same name', async () => {
    as.user = people.finance;
    expect((await saveView({ name: 'Mobilis refunds', sharing: 'private', query: '' })).ok).toBe(
      true,
    );
  });
});

describe('who sees a view', () => {
  it('a private view is a tab for its owner only', async () => {
    expect(await tabsOf(people.manager)).toContain('Mobilis refunds');
    expect(await tabsOf(people.support)).not.toContain('Mobilis refunds');
    const [view] = await t.db
      .select({ id: savedViews.id })
      .from(savedViews)
      .where(eq(savedViews.ownerId, people.manager.id));
    as.user = people.support;
    expect(await renameView({ viewId: view?.id, name: 'mine now' })).toMatchObject({
      ok: false,
      error: 'This view no longer exists.',
    });
    expect(await deleteView({ viewId: view?.id })).toMatchObject({ ok: false });
  });

  it('a view shared with support is a tab for every support user and not for finance', async () => {
    as.user = people.manager;
    const saved = await saveView({
      name: 'Ooredoo unknown',
      sharing: 'support',
      query: 'tab=UNKNOWN_ERROR&operator=Ooredoo',
    });
    expect(saved.ok).toBe(true);
    expect(await tabsOf(people.support)).toContain('Ooredoo unknown');
    expect(await tabsOf(people.support2)).toContain('Ooredoo unknown');
    expect(await tabsOf(people.finance)).not.toContain('Ooredoo unknown');
    // Support sees it, but only its owner changes it.
    const support = await savedViewsFor(t.db, people.support, DEFAULT_FILTERS);
    const tab = support.tabs.find((v) => v.name === 'Ooredoo unknown');
    expect(tab?.href).toBe('/orders?tab=UNKNOWN_ERROR&operator=Ooredoo');
    as.user = people.support;
    expect(await renameView({ viewId: tab?.id, name: 'renamed' })).toMatchObject({
      ok: false,
      error: 'Only the person who saved this view may change it.',
    });
  });

  it('the tab of the view on screen is marked active', async () => {
    const { filters } = parseOrderFilters({ operator: 'Ooredoo', tab: 'UNKNOWN_ERROR' });
    const { tabs } = await savedViewsFor(t.db, people.support, filters);
    expect(tabs.filter((v) => v.active).map((v) => v.name)).toEqual(['Ooredoo unknown']);
  });
});

describe('renaming, re-sharing and deleting', () => {
  it('the owner renames, re-shares and deletes, each audited', async () => {
    as.user = people.manager;
    const saved = await saveView({ name: 'Djezzy', sharing: 'finance', query: 'operator=Djezzy' });
    if (!saved.ok) throw new Error(saved.error);
    const viewId = saved.data.id;
    expect((await renameView({ viewId, name: 'Djezzy all' })).ok).toBe(true);
    expect(await tabsOf(people.finance)).toContain('Djezzy all');
    expect((await shareView({ viewId, sharing: 'private' })).ok).toBe(true);
    expect(await tabsOf(people.finance)).not.toContain('Djezzy all');
    expect((await deleteView({ viewId })).ok).toBe(true);
    expect(await tabsOf(people.manager)).not.toContain('Djezzy all');
    for (const action of ['view.rename', 'view.share', 'view.delete'])
      expect((await audits(action, people.manager.id)).map((a) => a.outcome)).toContain('ok');
  });
});

describe('the default view of a role', () => {
  it('support cannot pin a default view; the refusal is audited', async () => {
    const [view] = await t.db
      .select({ id: savedViews.id })
      .from(savedViews)
      .where(eq(savedViews.name, 'Ooredoo unknown'));
    as.user = people.support;
    const result = await pinView({ viewId: view?.id });
    expect(result).toMatchObject({ ok: false, error: 'Your role (Support) may not do this.' });
    expect((await audits('view.pin', people.support.id)).map((a) => a.outcome)).toEqual(['denied']);
    expect((await resolveOrdersParams(t.db, people.support, {})).defaultView).toBeNull();
  });

  it('an admin pins a shared view: support opens /orders on it, and ?view=all still shows all', async () => {
    const [view] = await t.db
      .select({ id: savedViews.id })
      .from(savedViews)
      .where(eq(savedViews.name, 'Ooredoo unknown'));
    as.user = people.admin;
    expect((await pinView({ viewId: view?.id })).ok).toBe(true);

    const opened = await resolveOrdersParams(t.db, people.support, {});
    expect(opened.defaultView?.name).toBe('Ooredoo unknown');
    expect(parseOrderFilters(opened.params).filters).toMatchObject({
      tab: 'UNKNOWN_ERROR',
      operator: 'Ooredoo',
    });
    const all = await resolveOrdersParams(t.db, people.support, { view: 'all' });
    expect(all.defaultView).toBeNull();
    expect(parseOrderFilters(all.params)).toEqual({ filters: DEFAULT_FILTERS, ignored: [] });
    // Finance has no default; a link with parameters is never overridden.
    expect((await resolveOrdersParams(t.db, people.finance, {})).defaultView).toBeNull();
    expect(
      (await resolveOrdersParams(t.db, people.support, { tab: 'FULFILLED' })).defaultView,
    ).toBeNull();

    expect((await unpinView({ role: 'support' })).ok).toBe(true);
    expect((await resolveOrdersParams(t.db, people.support, {})).defaultView).toBeNull();
    expect((await audits('view.pin', people.admin.id)).map((a) => a.outcome)).toEqual(['ok']);
    expect((await audits('view.unpin', people.admin.id)).map((a) => a.outcome)).toEqual(['ok']);
  });

  it('a private view cannot be pinned, and leaving a role removes its pin', async () => {
    as.user = people.admin;
    const mine = await saveView({ name: 'Admin only', sharing: 'private', query: '' });
    if (!mine.ok) throw new Error(mine.error);
    expect(await pinView({ viewId: mine.data.id })).toMatchObject({
      ok: false,
      error: 'Share the view with a role before making it that role’s default.',
    });
    const shared = await saveView({
      name: 'For finance',
      sharing: 'finance',
      query: 'tab=REFUNDED',
    });
    if (!shared.ok) throw new Error(shared.error);
    expect((await pinView({ viewId: shared.data.id })).ok).toBe(true);
    expect((await resolveOrdersParams(t.db, people.finance, {})).defaultView?.name).toBe(
      'For finance',
    );
    expect((await shareView({ viewId: shared.data.id, sharing: 'manager' })).ok).toBe(true);
    expect((await resolveOrdersParams(t.db, people.finance, {})).defaultView).toBeNull();
  });
});

describe('a view whose query no longer parses', () => {
  it('opens with the bad parameters dropped and reported by the parser', async () => {
    as.user = people.manager;
    const saved = await saveView({ name: 'Old', sharing: 'support', query: 'operator=Mobilis' });
    if (!saved.ok) throw new Error(saved.error);
    // As if the parser had since stopped accepting a value the view stored.
    await t.db
      .update(savedViews)
      .set({ query: 'operator=Mobilis&source=carrier-pigeon&size=7' })
      .where(eq(savedViews.id, saved.data.id));
    const tab = (await savedViewsFor(t.db, people.support, DEFAULT_FILTERS)).tabs.find(
      (v) => v.name === 'Old',
    );
    expect(tab?.href).toBe('/orders?operator=Mobilis&source=carrier-pigeon&size=7');
    const opened = parseOrderFilters(
      Object.fromEntries(new URL(`http://x${tab?.href}`).searchParams),
    );
    expect(opened.filters.operator).toBe('Mobilis');
    expect(opened.ignored.sort()).toEqual(['size', 'source']);
  });
});
