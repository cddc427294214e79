import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import type { Role } from '../enums';
import { signInThrottle, users } from '../schema';
import { bumpSession } from './users';

// Sign-in's rows: credentials and the throttle. This is the one query module that reads or
// writes the password hash (lib/auth/password-exposure.test.ts): pages and their queries never
// select it, so it cannot reach the browser.

// --- credentials ---------------------------------------------------------------------------

/** Who signs in with this (lower-cased) email, with what sign-in checks need. */
export async function findSignInUser(db: Db, email: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  return user;
}

/** A person's password hash, locked for the change that follows. */
export async function lockPasswordHash(tx: Tx, userId: string) {
  const [user] = await tx
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return user;
}

/** The person chose a new password: it is theirs, no longer a temporary one. */
export async function setOwnPassword(tx: Tx, userId: string, passwordHash: string, now: Date) {
  await tx
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: now,
      updatedAt: now,
    })
    .where(eq(users.id, userId));
}

/**
 * A new user; returns its id, email and role. A taken email fails on the unique index on
 * lower(email) (`users_email_lower_key`).
 */
export async function insertUser(
  tx: Tx,
  input: {
    email: string;
    name: string;
    role: Role;
    passwordHash: string;
    mustChangePassword: boolean;
  },
) {
  const [row] = await tx
    .insert(users)
    .values(input)
    .returning({ id: users.id, email: users.email, role: users.role });
  return row;
}

/** An admin set a temporary password; the person's sessions end. */
export async function setTemporaryPassword(tx: Tx, id: string, passwordHash: string) {
  await tx
    .update(users)
    .set({
      passwordHash,
      // The admin handed over a temporary password: the person chooses their own at sign-in.
      mustChangePassword: true,
      ...bumpSession,
    })
    .where(eq(users.id, id));
}

// --- sign-in throttle ----------------------------------------------------------------------

// One row per email hash (lib/auth/throttle.ts owns the rule and the hashing). Every password or
// code check first CLAIMS an attempt in one statement: however many guesses arrive at once, no
// more than `freeFailures` checks run before the lock applies.

/** The lock rule's numbers, owned by lib/auth/throttle.ts; the SQL below applies them. */
export type LockPolicy = {
  freeFailures: number;
  hardCap: number;
  baseLockMs: number;
  maxLockMs: number;
  /** "Locked until an admin unlocks": a date no clock reaches. */
  hardLock: Date;
};

/** The lock rule in SQL (lib/auth/throttle.ts `lockAfterFailure`), for the claim that counts and locks in one statement. */
function lockAfterFailureSql(failures: SQL, now: Date, p: LockPolicy) {
  return sql`case
    when ${failures} >= ${p.hardCap} then ${p.hardLock}::timestamptz
    when ${failures} < ${p.freeFailures} then null
    else ${now}::timestamptz + least(${p.baseLockMs}::bigint * (2 ^ (${failures} - ${p.freeFailures}))::bigint, ${p.maxLockMs}::bigint) * interval '1 millisecond'
  end`;
}

/**
 * Claims one attempt for an email hash: counted as a failure now (a success clears it), refused
 * when the email is locked. Returns false when locked: then no check may run.
 */
export async function claimSignInAttempt(
  db: Db,
  emailHash: string,
  now: Date,
  policy: LockPolicy,
): Promise<boolean> {
  const t = signInThrottle;
  const next = sql`${t.failures} + 1`;
  const rows = await db
    .insert(t)
    .values({ emailHash, failures: 1, lastFailureAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: t.emailHash,
      set: {
        failures: next,
        lastFailureAt: now,
        lockedUntil: lockAfterFailureSql(next, now, policy),
      },
      // Locked: refuse without counting, so an attacker cannot rush the email to the hard cap.
      setWhere: sql`${t.failures} < ${policy.hardCap} and (${t.lockedUntil} is null or ${t.lockedUntil} <= ${now})`,
    })
    .returning({ failures: t.failures });
  return rows.length > 0;
}

/** Gives back one claimed attempt (the password was right; the code is asked for next). */
export async function refundSignInAttempt(
  db: Db,
  emailHash: string,
  now: Date,
  policy: LockPolicy,
) {
  const t = signInThrottle;
  const fewer = sql`greatest(${t.failures} - 1, 0)`;
  await db
    .update(t)
    .set({ failures: fewer, lockedUntil: lockAfterFailureSql(fewer, now, policy) })
    .where(sql`${t.emailHash} = ${emailHash}`);
}

/** A right password (and code), or an admin's unlock: the email's count starts over. */
export async function clearSignInAttempts(db: Db | Tx, emailHash: string) {
  await db.delete(signInThrottle).where(sql`${signInThrottle.emailHash} = ${emailHash}`);
}

/** The throttle rows of these email hashes (emails never seen have none). */
export function throttleRows(db: Db, emailHashes: string[]) {
  return db
    .select({
      key: signInThrottle.emailHash,
      failures: signInThrottle.failures,
      lockedUntil: signInThrottle.lockedUntil,
    })
    .from(signInThrottle)
    .where(inArray(signInThrottle.emailHash, emailHashes));
}
