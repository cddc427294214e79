import type { Tx } from '../../db/client';
import type { Role } from '../../db/enums';
import { insertUser, setTemporaryPassword } from '../../db/queries/auth';
import {
  findUserIdByEmail,
  lockOtherActiveAdmins,
  lockUser,
  setUserDisabled,
  setUserRole,
} from '../../db/queries/users';
import { recordAudit, SYSTEM_ACTOR } from '../audit';
import { hashPassword } from '../auth/password';
import { clearAttempts } from '../auth/throttle';
import { isUniqueViolation } from '../errors/postgres';
import { UserFacingError } from '../errors/user-facing';

// User administration rules in one place, used by the admin page's actions and the CLI.
// Every function runs inside the caller's transaction, next to the caller's audit row.

/** The unique index on lower(email) (db/schema). */
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
  const taken = await findUserIdByEmail(tx, email);
  if (taken) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  // The check above is for the common case; two creations at once both pass it, and then the
  // unique index decides. Its error would carry the hash among the statement's parameters.
  const row = await insertUser(tx, {
    email,
    name: input.name.trim(),
    role: input.role,
    passwordHash,
    mustChangePassword: input.temporary ?? false,
  }).catch((error: unknown) => {
    throw isUniqueViolation(error, EMAIL_KEY) ? emailTaken() : error;
  });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * A person created by the system rather than by an admin (the CLI, the demo users of a bare
 * start), with the audit row written in the same transaction as the user.
 */
export async function createUserAsSystem(
  tx: Tx,
  input: Parameters<typeof createUser>[1],
  details: Record<string, unknown>,
) {
  const created = await createUser(tx, input);
  await recordAudit(tx, {
    actor: SYSTEM_ACTOR,
    action: 'user.create',
    outcome: 'ok',
    targetType: 'user',
    targetId: created.id,
    details: { email: created.email, role: created.role, ...details },
  });
  return created;
}

/** Locks the row, so two admins demoting each other at once cannot both succeed. */
async function loadForUpdate(tx: Tx, id: string) {
  const row = await lockUser(tx, id);
  if (!row) throw new UserFacingError('users.notFound');
  return row;
}

/** Refuses to demote or disable the last active admin (the others stay locked until commit). */
async function assertAnotherActiveAdmin(tx: Tx, exceptId: string) {
  const others = await lockOtherActiveAdmins(tx, exceptId);
  if (others.length === 0) throw new UserFacingError('users.lastAdmin');
}

export async function setRole(tx: Tx, actorId: string, id: string, role: Role) {
  if (id === actorId) throw new UserFacingError('users.notYourself');
  const user = await loadForUpdate(tx, id);
  const change = { email: user.email, from: user.role, to: role };
  if (user.role === role) return change;
  if (user.role === 'admin' && !user.disabled) await assertAnotherActiveAdmin(tx, id);
  await setUserRole(tx, id, role);
  return change;
}

export async function setDisabled(tx: Tx, actorId: string, id: string, disabled: boolean) {
  if (id === actorId) throw new UserFacingError('users.notYourself');
  const user = await loadForUpdate(tx, id);
  if (disabled && user.role === 'admin' && !user.disabled) await assertAnotherActiveAdmin(tx, id);
  await setUserDisabled(tx, id, disabled);
  return user;
}

export async function resetPassword(tx: Tx, id: string, password: string) {
  const user = await loadForUpdate(tx, id);
  await setTemporaryPassword(tx, id, await hashPassword(password));
  return user;
}

export async function unlock(tx: Tx, id: string) {
  const user = await loadForUpdate(tx, id);
  await clearAttempts(tx, user.email);
  return user;
}
