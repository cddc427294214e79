import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Role } from '../../db/enums';
import { users } from '../../db/schema';
import { recordAudit } from '../audit';
import { verifyPassword } from './password';
import { isLocked, lockAfterFailure } from './throttle';

export type SignInResult =
  | {
      ok: true;
      user: { id: string; email: string; name: string; role: Role; sessionVersion: number };
    }
  | { ok: false; reason: 'invalid' | 'locked' | 'disabled' };

type Attempt = { email: string; password: string; ip?: string | null; requestId?: string | null };

/**
 * Checks an email and password. The password hash is verified on every path (a dummy hash for
 * unknown emails) so a caller cannot tell from the timing whether an account exists.
 */
export async function authenticate(db: Db, attempt: Attempt): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      failedLoginCount: users.failedLoginCount,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, attempt.password);
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

  if (!user) {
    await audit('denied', 'unknown_email');
    return { ok: false, reason: 'invalid' };
  }
  const now = new Date();
  if (isLocked(user, now)) {
    await audit('denied', 'locked');
    return { ok: false, reason: 'locked' };
  }
  if (!passwordOk) {
    await registerFailure(db, user.id, now);
    await audit('denied', 'wrong_password');
    return { ok: false, reason: 'invalid' };
  }
  if (user.disabled) {
    await audit('denied', 'disabled');
    return { ok: false, reason: 'disabled' };
  }
  await db
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })
    .where(eq(users.id, user.id));
  await audit('ok');
  const { id, name, role, sessionVersion } = user;
  return { ok: true, user: { id, email: user.email, name, role, sessionVersion } };
}

/** Counts a failure atomically, so parallel guesses cannot slip past the lock. */
async function registerFailure(db: Db, userId: string, now: Date) {
  const [row] = await db
    .update(users)
    .set({ failedLoginCount: sql`${users.failedLoginCount} + 1`, lastFailedLoginAt: now })
    .where(eq(users.id, userId))
    .returning({ failures: users.failedLoginCount });
  const lockedUntil = lockAfterFailure(row?.failures ?? 0, now);
  if (lockedUntil) await db.update(users).set({ lockedUntil }).where(eq(users.id, userId));
}
