import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { recoveryCodes, users } from '../../db/schema';
import { UserFacingError } from '../errors/user-facing';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password';
import { markSecondFactor, revokeOtherSessions } from './sessions';
import { newEnrolment, newRecoveryCodes, sealSecret, storeRecoveryCodes, verifyTotp } from './totp';

// What a person does to their own account (change their password, enrol a second factor, get
// new recovery codes, sign out elsewhere) and an admin's reset of someone's second factor.
// Each runs in the caller's transaction, next to the caller's audit row.

export async function changePassword(
  tx: Tx,
  input: { userId: string; sessionId: string; current: string; next: string },
) {
  const [user] = await tx
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, input.userId))
    .for('update');
  if (!user || !(await verifyPassword(user.passwordHash, input.current)))
    throw new UserFacingError('security.password.wrongCurrent', { field: 'current' });
  if (input.next.length < MIN_PASSWORD_LENGTH)
    throw new UserFacingError('security.password.tooShort', {
      field: 'next',
      params: { min: MIN_PASSWORD_LENGTH },
    });
  if (await verifyPassword(user.passwordHash, input.next))
    throw new UserFacingError('security.password.same', { field: 'next' });
  const now = new Date();
  await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(input.next),
      mustChangePassword: false,
      passwordChangedAt: now,
      updatedAt: now,
    })
    .where(eq(users.id, input.userId));
  // Whoever else held this account's sessions loses them; this browser stays signed in.
  return {
    endedSessions: await revokeOtherSessions(
      tx,
      input.userId,
      input.sessionId,
      'password_changed',
      now,
    ),
  };
}

/**
 * Starts (or restarts) enrolment: a new secret, kept sealed on the user until a first code
 * confirms it. An enrolled person must reset first; their factor is not silently replaced.
 */
export async function startEnrolment(
  tx: Tx,
  user: { id: string; email: string },
  serverSecret: string,
) {
  const [row] = await tx
    .select({ enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, user.id))
    .for('update');
  if (row?.enabledAt) throw new UserFacingError('security.totp.alreadyEnrolled');
  const enrolment = await newEnrolment(user.email);
  await tx
    .update(users)
    .set({ totpSecret: sealSecret(enrolment.secret, serverSecret), totpLastStep: null })
    .where(eq(users.id, user.id));
  return { secret: enrolment.secret, qrSvg: enrolment.qrSvg };
}

/** A person's second factor, locked for the change that follows. */
async function factorForUpdate(tx: Tx, userId: string) {
  const [user] = await tx
    .select({ id: users.id, totpSecret: users.totpSecret, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return user;
}

/** The first code proves the app holds the secret: the factor is on; ten recovery codes, once. */
export async function confirmEnrolment(
  tx: Tx,
  input: { userId: string; sessionId: string; code: string },
  serverSecret: string,
) {
  const user = await factorForUpdate(tx, input.userId);
  if (!user?.totpSecret) throw new UserFacingError('security.totp.notStarted');
  if (user.enabledAt) throw new UserFacingError('security.totp.alreadyEnrolled');
  if (!(await verifyTotp(tx, user, input.code, serverSecret)))
    throw new UserFacingError('security.totp.wrongCode', { field: 'code' });
  const now = new Date();
  await tx.update(users).set({ totpEnabledAt: now, updatedAt: now }).where(eq(users.id, user.id));
  const codes = newRecoveryCodes();
  await storeRecoveryCodes(tx, user.id, codes);
  await markSecondFactor(tx, input.sessionId, now);
  return { recoveryCodes: codes };
}

/** New recovery codes replace the old ones; a current code from the app is required. */
export async function regenerateRecoveryCodes(
  tx: Tx,
  input: { userId: string; code: string },
  serverSecret: string,
) {
  const user = await factorForUpdate(tx, input.userId);
  if (!user?.enabledAt) throw new UserFacingError('security.totp.notEnrolled');
  if (!(await verifyTotp(tx, user, input.code, serverSecret)))
    throw new UserFacingError('security.totp.wrongCode', { field: 'code' });
  const codes = newRecoveryCodes();
  await storeRecoveryCodes(tx, user.id, codes);
  return { recoveryCodes: codes };
}

/**
 * An admin resets someone's second factor (a lost phone and no recovery code): the secret and
 * codes go, and every session of theirs ends; they enrol again at their next sign-in.
 */
export async function resetSecondFactor(tx: Tx, userId: string) {
  const [row] = await tx
    .update(users)
    .set({
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, userId))
    .returning({ id: users.id, email: users.email });
  if (!row) throw new UserFacingError('users.notFound');
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  return row;
}

/** What the security settings show about a person's second factor. */
export async function secondFactorStatus(db: Db, userId: string) {
  const [[user], [codes]] = await Promise.all([
    db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId)),
    db
      .select({ left: sql<number>`count(*)::int` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
  ]);
  return { enabledAt: user?.enabledAt ?? null, recoveryCodesLeft: codes?.left ?? 0 };
}
