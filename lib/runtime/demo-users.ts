import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client';
import { ROLES, type Role } from '../../db/enums';
import { enableSecondFactorWithSecret } from '../../db/queries/second-factor';
import { countUsers } from '../../db/queries/users';
import { generatePassword } from '../auth/password';
import { newEnrolment, sealSecret, secondFactorRequired } from '../auth/totp';
import { createUserAsSystem } from '../users/service';

export type DemoUser = {
  email: string;
  name: string;
  role: Role;
  password: string;
  /** Base32 authenticator key, for the roles that must sign in with a second factor. */
  totpSecret?: string;
};

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
export async function seedDemoUsers(
  db: Db,
  dir: string,
  serverSecret: string,
): Promise<DemoUser[] | null> {
  const file = path.join(dir, 'demo-users.json');
  if ((await countUsers(db)) > 0)
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoUser[]) : null;
  const demo: DemoUser[] = await Promise.all(
    ROLES.map(async (role) => ({
      email: `${role}@flexy.test`,
      name: NAMES[role],
      role,
      password: generatePassword(),
      // Finance and admin must sign in with a second factor: enrolled already, so the demo
      // opens; `npm run demo:code -- finance` prints the current code.
      ...(secondFactorRequired(role)
        ? { totpSecret: (await newEnrolment(`${role}@flexy.test`)).secret }
        : {}),
    })),
  );
  await db.transaction(async (tx) => {
    for (const user of demo) {
      const created = await createUserAsSystem(tx, user, { demo: true });
      if (user.totpSecret)
        await enableSecondFactorWithSecret(
          tx,
          created.id,
          sealSecret(user.totpSecret, serverSecret),
          new Date(),
        );
    }
  });
  writeFileSync(file, JSON.stringify(demo, null, 2), { mode: 0o600 });
  return demo;
}
