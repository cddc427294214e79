import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { Role } from '../../db/enums';
import { users } from '../../db/schema';
import { hashPassword } from '../auth/password';
import { clearAttempts } from '../auth/throttle';
import { isUniqueViolation } from '../errors/postgres';
import { UserFacingError } from '../errors/user-facing';

// User administration rules in one place, used by the admin page's actions and the CLI.
// Every function runs inside the caller's transaction, next to the caller's audit row.

/** The unique index on lower(email) (db/schema.ts). */
const EMAIL_KEY = 'users_email_lower_key';
const emailTaken = () => new UserFacingError('users.emailTaken', { field: 'email' });

export async function createUser(
  tx: Tx,
  input: {
    email: string;
    name: string;
    role: Role;
    password: string;
    /** A password someone else chose (an admin, the CLI): changed at the first sign-in. */
    temporary?: boolean;
  },
) {
  const email = input.email.trim().toLowerCase();
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  if (taken) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  // The check above is for the common case; two creations at once both pass it, and then the
  // unique index decides. Its error would carry the hash among the statement's parameters.
  const [row] = await tx
    .insert(users)
    .values({
      email,
      name: input.name.trim(),
      role: input.role,
      passwordHash,
      mustChangePassword: input.temporary ?? false,
    })
    .returning({ id: users.id, email: users.email, role: users.role })
    .catch((error: unknown) => {
      throw isUniqueViolation(error, EMAIL_KEY) ? emailTaken() : error;
    });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Locks the row, so two admins demoting each other at once cannot both succeed. */
async function loadForUpdate(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: users.id, email: users.email, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, id))
    .for('update');
  if (!row) throw new UserFacingError('users.notFound');
  return row;
}

async function assertAnotherActiveAdmin(tx: Tx, exceptId: string) {
  // Lock every active admin row: concurrent demotions serialise on them.
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, exceptId)))
    .for('update');
  if (others.length === 0) throw new UserFacingError('users.lastAdmin');
}

const bumpSession = { sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` };

export async function setRole(tx: Tx, actorId: string, id: string, role: Role) {
  if (id === actorId) throw new UserFacingError('users.notYourself');
  const user = await loadForUpdate(tx, id);
  const change = { email: user.email, from: user.role, to: role };
  if (user.role === role) return change;
  if (user.role === 'admin' && !user.disabled) await assertAnotherActiveAdmin(tx, id);
  await tx
    .update(users)
    .set({ role, ...bumpSession })
    .where(eq(users.id, id));
  return change;
}

export async function setDisabled(tx: Tx, actorId: string, id: string, disabled: boolean) {
  if (id === actorId) throw new UserFacingError('users.notYourself');
  const user = await loadForUpdate(tx, id);
  if (disabled && user.role === 'admin' && !user.disabled) await assertAnotherActiveAdmin(tx, id);
  await tx
    .update(users)
    .set({ disabled, ...bumpSession })
    .where(eq(users.id, id));
  return user;
}

export async function resetPassword(tx: Tx, id: string, password: string) {
  const user = await loadForUpdate(tx, id);
  await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      // The admin handed over a temporary password: the person chooses their own at sign-in.
      mustChangePassword: true,
      ...bumpSession,
    })
    .where(eq(users.id, id));
  return user;
}

export async function unlock(tx: Tx, id: string) {
  const user = await loadForUpdate(tx, id);
  await clearAttempts(tx, user.email);
  return user;
}
