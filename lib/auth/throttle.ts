import { createHash } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { signInThrottle } from '../../db/schema';

// Sign-in throttling per email, for accounts that exist and emails that do not alike, so the
// lockout answer tells a guesser nothing. The first few failures are free; after that each one
// locks for a growing while; at the hard cap it stays locked until an admin unlocks it.
// Every password or code check first CLAIMS an attempt in one statement: however many guesses
// arrive at once, no more than FREE_FAILURES checks run before the lock applies.

export const FREE_FAILURES = 5;
export const HARD_CAP = 20;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
/** "Locked until an admin unlocks": a date no clock reaches. */
export const HARD_LOCK = new Date('9999-12-31T00:00:00Z');

export type ThrottleState = { failures: number; lockedUntil: Date | null };

export function isLocked(state: ThrottleState, now: Date): boolean {
  if (state.failures >= HARD_CAP) return true;
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** When an email unlocks after its `failures`-th failure (null: not locked). */
export function lockAfterFailure(failures: number, now: Date): Date | null {
  if (failures >= HARD_CAP) return HARD_LOCK;
  if (failures < FREE_FAILURES) return null;
  const ms = Math.min(BASE_LOCK_MS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_MS);
  return new Date(now.getTime() + ms);
}

/** The same rule in SQL, for the claim that counts and locks in one statement. */
function lockAfterFailureSql(failures: ReturnType<typeof sql>, now: Date) {
  return sql`case
    when ${failures} >= ${HARD_CAP} then ${HARD_LOCK}::timestamptz
    when ${failures} < ${FREE_FAILURES} then null
    else ${now}::timestamptz + least(${BASE_LOCK_MS}::bigint * (2 ^ (${failures} - ${FREE_FAILURES}))::bigint, ${MAX_LOCK_MS}::bigint) * interval '1 millisecond'
  end`;
}

export function emailKey(email: string) {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/**
 * Claims one attempt for this email: counted as a failure now (a success clears it), refused
 * when the email is locked. Returns false when locked: then no check may run.
 */
export async function claimAttempt(db: Db, email: string, now: Date): Promise<boolean> {
  const t = signInThrottle;
  const next = sql`${t.failures} + 1`;
  const rows = await db
    .insert(t)
    .values({ emailHash: emailKey(email), failures: 1, lastFailureAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: t.emailHash,
      set: {
        failures: next,
        lastFailureAt: now,
        lockedUntil: lockAfterFailureSql(next, now),
      },
      // Locked: refuse without counting, so an attacker cannot rush the email to the hard cap.
      setWhere: sql`${t.failures} < ${HARD_CAP} and (${t.lockedUntil} is null or ${t.lockedUntil} <= ${now})`,
    })
    .returning({ failures: t.failures });
  return rows.length > 0;
}

/** Gives back one claimed attempt (the password was right; the code is asked for next). */
export async function refundAttempt(db: Db, email: string, now: Date) {
  const t = signInThrottle;
  const fewer = sql`greatest(${t.failures} - 1, 0)`;
  await db
    .update(t)
    .set({ failures: fewer, lockedUntil: lockAfterFailureSql(fewer, now) })
    .where(sql`${t.emailHash} = ${emailKey(email)}`);
}

/** A right password (and code): the email's count starts over. */
export async function clearAttempts(db: Db | Tx, email: string) {
  await db.delete(signInThrottle).where(sql`${signInThrottle.emailHash} = ${emailKey(email)}`);
}

/** Where these emails stand, for the users page (keyed by lower-cased email). */
export async function throttleStates(db: Db, emails: readonly string[]) {
  if (emails.length === 0) return new Map<string, ThrottleState>();
  const byKey = new Map(emails.map((e) => [emailKey(e), e.trim().toLowerCase()]));
  const rows = await db
    .select({
      key: signInThrottle.emailHash,
      failures: signInThrottle.failures,
      lockedUntil: signInThrottle.lockedUntil,
    })
    .from(signInThrottle)
    .where(inArray(signInThrottle.emailHash, [...byKey.keys()]));
  return new Map(
    rows.map((r) => [byKey.get(r.key) ?? '', { failures: r.failures, lockedUntil: r.lockedUntil }]),
  );
}
