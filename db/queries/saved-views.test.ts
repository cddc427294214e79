import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../lib/users/service';
import { createTestDb, type TestDb } from '../../test/db';
import { createDb } from '../client';
import { ensureRuntimeRole } from '../roles';
import {
  deleteOwnView,
  insertView,
  listVisibleViews,
  pinDefaultView,
  pinnedDefaultView,
  updateOwnView,
} from './saved-views';

// The desk runs as a role that owns nothing (db/roles.ts): saved views and pinned defaults must
// work with that role's grants, and deleting a view takes its pin with it.

let t: TestDb;
let app: ReturnType<typeof createDb>;
let ownerId = '';
const role = `flexy_app_${randomBytes(4).toString('hex')}`;
const password = randomBytes(18).toString('base64url');

beforeAll(async () => {
  t = await createTestDb();
  await ensureRuntimeRole(t.url, { role, password });
  const url = new URL(t.url);
  url.username = role;
  url.password = password;
  app = createDb(url.toString(), 2);
  const user = await t.db.transaction((tx) =>
    createUser(tx, {
      email: 'views@grants.test',
      name: 'V',
      role: 'manager',
      password: 'a-long-password-1',
    }),
  );
  ownerId = user.id;
});
afterAll(async () => {
  await app?.pool.end();
  await t.close();
});

describe('saved views as the runtime role', () => {
  it('saves, shares, pins and deletes a view; the pin goes with the view', async () => {
    const view = await insertView(app.db, {
      ownerId,
      name: 'Refunded',
      query: 'tab=REFUNDED',
      sharedWithRole: null,
    });
    expect(
      await updateOwnView(app.db, {
        id: view.id,
        ownerId,
        sharedWithRole: 'support',
        now: new Date(),
      }),
    ).toEqual({ id: view.id });
    await pinDefaultView(app.db, {
      role: 'support',
      viewId: view.id,
      pinnedBy: ownerId,
      now: new Date(),
    });
    expect((await pinnedDefaultView(app.db, 'support'))?.name).toBe('Refunded');
    const seen = await listVisibleViews(app.db, {
      userId: 'f0000000-0000-4000-8000-000000000000',
      role: 'support',
    });
    expect(seen.map((v) => [v.name, v.pinnedFor])).toEqual([['Refunded', 'support']]);
    expect(await deleteOwnView(app.db, { id: view.id, ownerId })).toBe(true);
    expect(await pinnedDefaultView(app.db, 'support')).toBeNull();
  });

  it('two views of one owner cannot share a name, whatever the case', async () => {
    await insertView(app.db, { ownerId, name: 'Daily', query: '', sharedWithRole: null });
    await expect(
      insertView(app.db, { ownerId, name: 'DAILY', query: '', sharedWithRole: null }),
    ).rejects.toThrow();
  });
});
