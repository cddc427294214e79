import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import type { Role } from '../enums';
import { users } from '../schema';

// The users table: the admin list, the session's checks, and the writes of user administration
// (lib/users/service.ts decides, in the caller's transaction). The queries that read or write
// the password hash live in db/queries/auth.ts, not here. No 'server-only': the CLI
// (`npm run user:create`), the launcher's demo users and the e2e support create users under
// plain Node.

/** The admin list. Selects display columns only: the password hash never leaves the database. */
export function listUsers(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      lastLoginAt: users.lastLoginAt,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .orderBy(asc(users.email));
}

export type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];

/** How many users there are (zero: a fresh database). */
export async function countUsers(db: Db) {
  const [{ count } = { count: 0 }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(users);
  return count;
}

// --- sign-in and sessions ------------------------------------------------------------------

/** Records a successful sign-in. */
export async function recordSignIn(db: Db, userId: string, now: Date) {
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId));
}

/** The person a session cookie names, with what decides whether their session still holds. */
export async function findSessionUser(db: Db, userId: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(and(eq(users.id, userId)));
  return user;
}

// --- user administration -------------------------------------------------------------------

/** The id of the user with this (lower-cased) email, if any. */
export async function findUserIdByEmail(tx: Tx, email: string) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  return row;
}

/** A user, locked: two admins changing the same person (or each other) serialise on the row. */
export async function lockUser(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: users.id, email: users.email, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, id))
    .for('update');
  return row;
}

/** The active admins other than `exceptId` (ids), locked for the demotion that follows. */
export async function lockOtherActiveAdmins(tx: Tx, exceptId: string) {
  // Lock every active admin row: concurrent demotions serialise on them.
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, exceptId)))
    .for('update');
}

/** Ends every session of the person (their session_version moves on), in an update's `set`. */
export const bumpSession = {
  sessionVersion: sql`${users.sessionVersion} + 1`,
  updatedAt: sql`now()`,
};

/** Gives a user a new role; their sessions end. */
export async function setUserRole(tx: Tx, id: string, role: Role) {
  await tx
    .update(users)
    .set({ role, ...bumpSession })
    .where(eq(users.id, id));
}

/** Disables (or enables) a user; their sessions end. */
export async function setUserDisabled(tx: Tx, id: string, disabled: boolean) {
  await tx
    .update(users)
    .set({ disabled, ...bumpSession })
    .where(eq(users.id, id));
}
