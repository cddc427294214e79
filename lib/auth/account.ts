import type { Db, Tx } from '../../db/client';
import { lockPasswordHash, setOwnPassword } from '../../db/queries/auth';
import {
  clearSecondFactor,
  deleteRecoveryCodes,
  enableSecondFactor,
  lockEnrolment,
  lockSecondFactor,
  secondFactorEnabledAt,
  storePendingSecret,
  unusedRecoveryCodeCount,
} from '../../db/queries/second-factor';
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
  const user = await lockPasswordHash(tx, input.userId);
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
  await setOwnPassword(tx, input.userId, await hashPassword(input.next), now);
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
  const row = await lockEnrolment(tx, user.id);
  if (row?.enabledAt) throw new UserFacingError('security.totp.alreadyEnrolled');
  const enrolment = await newEnrolment(user.email);
  await storePendingSecret(tx, user.id, sealSecret(enrolment.secret, serverSecret));
  return { secret: enrolment.secret, qrSvg: enrolment.qrSvg };
}

/** The first code proves the app holds the secret: the factor is on; ten recovery codes, once. */
export async function confirmEnrolment(
  tx: Tx,
  input: { userId: string; sessionId: string; code: string },
  serverSecret: string,
) {
  const user = await lockSecondFactor(tx, input.userId);
  if (!user?.totpSecret) throw new UserFacingError('security.totp.notStarted');
  if (user.enabledAt) throw new UserFacingError('security.totp.alreadyEnrolled');
  if (!(await verifyTotp(tx, user, input.code, serverSecret)))
    throw new UserFacingError('security.totp.wrongCode', { field: 'code' });
  const now = new Date();
  await enableSecondFactor(tx, user.id, now);
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
  const user = await lockSecondFactor(tx, input.userId);
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
  const row = await clearSecondFactor(tx, userId);
  if (!row) throw new UserFacingError('users.notFound');
  await deleteRecoveryCodes(tx, userId);
  return row;
}

/** What the security settings show about a person's second factor. */
export async function secondFactorStatus(db: Db, userId: string) {
  const [enabledAt, recoveryCodesLeft] = await Promise.all([
    secondFactorEnabledAt(db, userId),
    unusedRecoveryCodeCount(db, userId),
  ]);
  return { enabledAt, recoveryCodesLeft };
}
