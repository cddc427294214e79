import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ROLES, type Role } from '../../db/enums';
import { users } from '../../db/schema';
import { recordAudit, SYSTEM_ACTOR } from '../audit';
import { generatePassword } from '../auth/password';
import { createUser } from '../users/service';

export type DemoUser = { email: string; name: string; role: Role; password: string };

const NAMES: Record<Role, string> = {
  admin: 'Demo Admin',
  finance: 'Demo Finance',
  support: 'Demo Support',
  manager: 'Demo Manager',
};

/**
 * On an empty database, one demo user per role with a random password. The passwords are
 * written to the data folder (0600) so each start can print them again.
 */
export async function seedDemoUsers(db: Db, dir: string): Promise<DemoUser[] | null> {
  const file = path.join(dir, 'demo-users.json');
  const [{ count } = { count: 0 }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(users);
  if (count > 0)
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoUser[]) : null;
  const demo = ROLES.map((role) => ({
    email: `${role}@flexy.test`,
    name: NAMES[role],
    role,
    password: generatePassword(),
  }));
  await db.transaction(async (tx) => {
    for (const user of demo) {
      const created = await createUser(tx, user);
      await recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'user.create',
        outcome: 'ok',
        targetType: 'user',
        targetId: created.id,
        details: { email: user.email, role: user.role, demo: true },
      });
    }
  });
  writeFileSync(file, JSON.stringify(demo, null, 2), { mode: 0o600 });
  return demo;
}
