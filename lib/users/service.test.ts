import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUsers } from '../../db/queries/users';
import { signInThrottle, users } from '../../db/schema';
import { createTestDb, type TestDb } from '../../test/db';
import { authenticate } from '../auth/authenticate';
import { emailKey } from '../auth/throttle';
import { UserFacingError } from '../errors/user-facing';
import * as service from './service';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const make = (email: string, role: 'admin' | 'support' | 'finance' | 'manager') =>
  t.db.transaction((tx) =>
    service.createUser(tx, { email, name: email, role, password: 'a-long-password' }),
  );
const sessionVersion = async (id: string) =>
  (await t.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)))[0]?.v;

describe('user administration', () => {
  it('refuses a second account with the same email in any letter case', async () => {
    await make('dup@example.dz', 'support');
    await expect(make('DUP@example.dz', 'finance')).rejects.toThrow(UserFacingError);
  });

  it('ends open sessions when a role changes, a user is disabled or a password is reset', async () => {
    const admin = await make('boss@example.dz', 'admin');
    const user = await make('agent@example.dz', 'support');
    const v0 = await sessionVersion(user.id);
    await t.db.transaction((tx) => service.setRole(tx, admin.id, user.id, 'finance'));
    await t.db.transaction((tx) => service.setDisabled(tx, admin.id, user.id, true));
    await t.db.transaction((tx) => service.resetPassword(tx, user.id, 'another-long-password'));
    expect(await sessionVersion(user.id)).toBe((v0 ?? 0) + 3);
  });

  it('never leaves the desk without an active admin', async () => {
    const only = await make('only-admin@example.dz', 'admin');
    const other = await make('helper@example.dz', 'admin');
    await t.db.transaction((tx) => service.setDisabled(tx, only.id, other.id, true));
    // boss@example.dz from the previous test is also an admin: disable it too.
    const [boss] = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'boss@example.dz'));
    if (boss) await t.db.transaction((tx) => service.setDisabled(tx, only.id, boss.id, true));
    const last = await make('watcher@example.dz', 'manager');
    await expect(
      t.db.transaction((tx) => service.setRole(tx, last.id, only.id, 'support')),
    ).rejects.toMatchObject({
      messageKey: 'users.lastAdmin',
    });
  });

  it('refuses to let an admin demote or disable themselves', async () => {
    const me = await make('self@example.dz', 'admin');
    await expect(
      t.db.transaction((tx) => service.setDisabled(tx, me.id, me.id, true)),
    ).rejects.toMatchObject({
      messageKey: 'users.notYourself',
    });
  });

  it('unlock clears the failure count so the person can sign in again', async () => {
    const user = await make('unlock-me@example.dz', 'support');
    await t.db
      .insert(signInThrottle)
      .values({ emailHash: emailKey('unlock-me@example.dz'), failures: 25 });
    expect(
      await authenticate(t.db, { email: 'unlock-me@example.dz', password: 'a-long-password' }),
    ).toMatchObject({ ok: false, reason: 'locked' });
    await t.db.transaction((tx) => service.unlock(tx, user.id));
    expect(
      await authenticate(t.db, { email: 'unlock-me@example.dz', password: 'a-long-password' }),
    ).toMatchObject({ ok: true });
  });

  it('lists users without their password hash', async () => {
    const rows = await listUsers(t.db);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(row)).not.toContain('passwordHash');
    expect(JSON.stringify(rows)).not.toContain('$argon2id$');
  });
});
