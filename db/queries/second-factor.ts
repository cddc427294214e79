import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { recoveryCodes, users } from '../schema';

// Two-factor sign-in's rows: the sealed TOTP secret and last spent step on the user, and the
// hashed single-use recovery codes (lib/auth/totp.ts seals, hashes and checks; lib/auth/account.ts
// decides). Every function runs in the caller's transaction when given one.

/** When a person's second factor was enabled (null: not enrolled), locked for the change that follows. */
export async function lockEnrolment(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return row;
}

/** Keeps a new sealed secret on the user until a first code confirms it. */
export async function storePendingSecret(tx: Tx, userId: string, sealedSecret: string) {
  await tx
    .update(users)
    .set({ totpSecret: sealedSecret, totpLastStep: null })
    .where(eq(users.id, userId));
}

/** A person's second factor, locked for the change that follows. */
export async function lockSecondFactor(tx: Tx, userId: string) {
  const [user] = await tx
    .select({ id: users.id, totpSecret: users.totpSecret, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return user;
}

/** Turns the (confirmed) second factor on. */
export async function enableSecondFactor(tx: Tx, userId: string, now: Date) {
  await tx.update(users).set({ totpEnabledAt: now, updatedAt: now }).where(eq(users.id, userId));
}

/**
 * Enrols a second factor in one write, confirmed already (the demo users: their secret is
 * printed, not scanned).
 */
export async function enableSecondFactorWithSecret(
  tx: Tx,
  userId: string,
  sealedSecret: string,
  enabledAt: Date,
) {
  await tx
    .update(users)
    .set({ totpSecret: sealedSecret, totpEnabledAt: enabledAt })
    .where(eq(users.id, userId));
}

/**
 * Removes a person's secret and ends every session of theirs (session_version bump); returns
 * who it was, or undefined for an unknown id.
 */
export async function clearSecondFactor(tx: Tx, userId: string) {
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
  return row;
}

/**
 * Spends a TOTP step: true only when it is later than the last step spent, atomically, so a code
 * seen over someone's shoulder (or replayed from a log) does not work a second time.
 */
export async function spendTotpStep(db: Db | Tx, userId: string, step: number) {
  const spent = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return spent.length > 0;
}

/** When a person's second factor was enabled (null: not enrolled). */
export async function secondFactorEnabledAt(db: Db, userId: string) {
  const [user] = await db
    .select({ enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  return user?.enabledAt ?? null;
}

// --- recovery codes ------------------------------------------------------------------------

/** Deletes all of a person's recovery codes. */
export async function deleteRecoveryCodes(tx: Tx, userId: string) {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** A person's recovery codes become these (their hashes): the old ones, used or not, are gone. */
export async function replaceRecoveryCodes(tx: Tx, userId: string, codeHashes: readonly string[]) {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks one unused recovery code used: true once, false ever after (or for a code not theirs). */
export async function markRecoveryCodeUsed(
  db: Db | Tx,
  userId: string,
  codeHash: string,
  now: Date,
) {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

/** How many unused recovery codes a person has. */
export async function unusedRecoveryCodeCount(db: Db, userId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
