import type { Db } from '../../db/client';
import type { Role } from '../../db/enums';
import { findSignInUser } from '../../db/queries/auth';
import { recordSignIn } from '../../db/queries/users';
import { recordAudit } from '../audit';
import { verifyPassword } from './password';
import { claimAttempt, clearAttempts, refundAttempt } from './throttle';
import { looksLikeRecoveryCode, secondFactorRequired, spendRecoveryCode, verifyTotp } from './totp';

export type SignedIn = {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
  /** The person gave a second factor now (TOTP or a recovery code). */
  secondFactor: boolean;
};

export type SignInResult =
  | { ok: true; user: SignedIn }
  | {
      ok: false;
      /** `second_factor`: the password was right; ask for the code. */
      reason: 'invalid' | 'locked' | 'disabled' | 'second_factor' | 'invalid_code';
    };

type Attempt = {
  email: string;
  password: string;
  /** A 6-digit code from the authenticator app, or a recovery code. */
  code?: string | null;
  ip?: string | null;
  requestId?: string | null;
};

/**
 * Checks an email, a password and (once enrolled) a second factor. Each check first claims an
 * attempt for the email (lib/auth/throttle.ts), for unknown emails too, so no more than five
 * checks run before the lock, and a lockout looks the same whether or not the account exists.
 * The password hash is verified on every path (a dummy hash for unknown emails).
 */
export async function authenticate(
  db: Db,
  attempt: Attempt,
  opts: { serverSecret?: string; now?: Date } = {},
): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase();
  const now = opts.now ?? new Date();
  const user = await findSignInUser(db, email);
  const audit = (outcome: 'ok' | 'denied', reason?: string) =>
    recordAudit(db, {
      actor: { id: user?.id ?? null, email: user?.email ?? email, role: user?.role ?? null },
      action: 'auth.sign_in',
      outcome,
      targetType: 'user',
      targetId: user?.id,
      details: reason ? { reason } : undefined,
      requestId: attempt.requestId,
      ip: attempt.ip,
    });

  if (!(await claimAttempt(db, email, now))) {
    await audit('denied', 'locked');
    return { ok: false, reason: 'locked' };
  }
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, attempt.password);
  if (!user) {
    await audit('denied', 'unknown_email');
    return { ok: false, reason: 'invalid' };
  }
  if (!passwordOk) {
    await audit('denied', 'wrong_password');
    return { ok: false, reason: 'invalid' };
  }
  if (user.disabled) {
    await audit('denied', 'disabled');
    return { ok: false, reason: 'disabled' };
  }
  const enrolled = user.totpEnabledAt !== null;
  if (enrolled) {
    const code = attempt.code?.trim() ?? '';
    if (!code) {
      // Not a failure: the person is asked for their code. The claim is given back, never more.
      await refundAttempt(db, email, now);
      return { ok: false, reason: 'second_factor' };
    }
    const good = looksLikeRecoveryCode(code)
      ? await spendRecoveryCode(db, user.id, code, now)
      : opts.serverSecret
        ? await verifyTotp(db, user, code, opts.serverSecret, now.getTime())
        : false;
    if (!good) {
      await audit('denied', 'wrong_code');
      return { ok: false, reason: 'invalid_code' };
    }
  }
  await clearAttempts(db, email);
  await recordSignIn(db, user.id, now);
  await audit(
    'ok',
    enrolled ? undefined : secondFactorRequired(user.role) ? 'must_enrol' : undefined,
  );
  const { id, name, role, sessionVersion } = user;
  return {
    ok: true,
    user: { id, email: user.email, name, role, sessionVersion, secondFactor: enrolled },
  };
}
