import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '../../db/client';
import type { Role } from '../../db/enums';
import type { Runtime } from '../../lib/runtime/data-dir';
import type { DemoUser } from '../../lib/runtime/demo-users';
import { createUser } from '../../lib/users/service';
import { E2E } from './env';

// Tests read and arrange state in the same real database the server uses.

function runtime(): Runtime {
  return JSON.parse(readFileSync(path.join(E2E.dataDir, 'runtime.json'), 'utf8')) as Runtime;
}

let handle: ReturnType<typeof createDb> | undefined;
export function testDb() {
  handle ??= createDb(runtime().databaseUrl, 4);
  return handle;
}

export function demoUsers(): DemoUser[] {
  return JSON.parse(readFileSync(path.join(E2E.dataDir, 'demo-users.json'), 'utf8')) as DemoUser[];
}

export type Staff = { id: string; email: string; password: string; role: Role; name: string };

/** A new user of the given role, so a test can change or lock it without touching others. */
export async function createStaff(role: Role): Promise<Staff> {
  const email = `${role}-${randomBytes(4).toString('hex')}@e2e.test`;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const name = `E2E ${role}`;
  const { db } = testDb();
  const user = await db.transaction((tx) => createUser(tx, { email, name, role, password }));
  return { id: user.id, email, password, role, name };
}
