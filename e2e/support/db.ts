import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { eq, sql } from 'drizzle-orm';
import { createDb } from '../../db/client';
import type { Role, TopupStatus } from '../../db/enums';
import { recoveryCodes, topups, users } from '../../db/schema';
import {
  newEnrolment,
  newRecoveryCodes,
  recoveryCodeHash,
  sealSecret,
  secondFactorRequired,
} from '../../lib/auth/totp';
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

/** The demo user of a role (printed by `npm start`). */
export function demoUser(role: Role): DemoUser {
  const found = demoUsers().find((u) => u.role === role);
  if (!found) throw new Error(`no demo ${role}`);
  return found;
}

/** Waits until the background engine has seen the sandbox settle the order. */
export async function waitForStatus(id: number, status: TopupStatus) {
  await expect(async () => {
    const [row] = await testDb()
      .db.select({ status: topups.status })
      .from(topups)
      .where(eq(topups.id, id));
    expect(row?.status).toBe(status);
  }).toPass({ timeout: 45_000, intervals: [1_000] });
}

export type Staff = {
  id: string;
  email: string;
  password: string;
  role: Role;
  name: string;
  /** Base32 TOTP secret when the user has a second factor enrolled. */
  totpSecret?: string;
};

/** The desk's NEXTAUTH_SECRET (persisted by the launcher), which seals TOTP secrets. */
export function serverSecret() {
  return readFileSync(path.join(E2E.dataDir, 'nextauth-secret'), 'utf8').trim();
}

/**
 * A new user of the given role, so a test can change or lock it without touching others.
 * Finance and admins must have a second factor: it is enrolled for them unless the test wants
 * to go through enrolment itself.
 */
export async function createStaff(
  role: Role,
  opts: { secondFactor?: boolean } = {},
): Promise<Staff> {
  const email = `${role}-${randomBytes(4).toString('hex')}@e2e.test`;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const name = `E2E ${role}`;
  const { db } = testDb();
  const user = await db.transaction((tx) => createUser(tx, { email, name, role, password }));
  const staff: Staff = { id: user.id, email, password, role, name };
  if (opts.secondFactor ?? secondFactorRequired(role)) {
    const { secret } = await newEnrolment(email);
    await db
      .update(users)
      .set({ totpSecret: sealSecret(secret, serverSecret()), totpEnabledAt: new Date() })
      .where(eq(users.id, user.id));
    staff.totpSecret = secret;
  }
  return staff;
}

/**
 * A one-time code for a user with a second factor. Sign-ins in parallel tests cannot share the
 * authenticator's 30-second code (a code works once), so the test hands the user a fresh
 * recovery code, as their own printed list would.
 */
export async function oneTimeCode(email: string): Promise<string> {
  const { db } = testDb();
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!user) throw new Error(`no user ${email}`);
  const [code] = newRecoveryCodes();
  if (!code) throw new Error('no code');
  await db.insert(recoveryCodes).values({ userId: user.id, codeHash: recoveryCodeHash(code) });
  return code;
}
