import { createHash } from 'node:crypto';
import type { Db, Tx } from '../../db/client';
import {
  claimSignInAttempt,
  clearSignInAttempts,
  type LockPolicy,
  refundSignInAttempt,
  throttleRows,
} from '../../db/queries/auth';

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

/** The same numbers, for the SQL that counts and locks in one statement (db/queries/auth.ts). */
const LOCK_POLICY: LockPolicy = {
  freeFailures: FREE_FAILURES,
  hardCap: HARD_CAP,
  baseLockMs: BASE_LOCK_MS,
  maxLockMs: MAX_LOCK_MS,
  hardLock: HARD_LOCK,
};

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

export function emailKey(email: string) {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/**
 * Claims one attempt for this email: counted as a failure now (a success clears it), refused
 * when the email is locked. Returns false when locked: then no check may run.
 */
export async function claimAttempt(db: Db, email: string, now: Date): Promise<boolean> {
  return claimSignInAttempt(db, emailKey(email), now, LOCK_POLICY);
}

/** Gives back one claimed attempt (the password was right; the code is asked for next). */
export async function refundAttempt(db: Db, email: string, now: Date) {
  await refundSignInAttempt(db, emailKey(email), now, LOCK_POLICY);
}

/** A right password (and code): the email's count starts over. */
export async function clearAttempts(db: Db | Tx, email: string) {
  await clearSignInAttempts(db, emailKey(email));
}

/** Where these emails stand, for the users page (keyed by lower-cased email). */
export async function throttleStates(db: Db, emails: readonly string[]) {
  if (emails.length === 0) return new Map<string, ThrottleState>();
  const byKey = new Map(emails.map((e) => [emailKey(e), e.trim().toLowerCase()]));
  const rows = await throttleRows(db, [...byKey.keys()]);
  return new Map(
    rows.map((r) => [byKey.get(r.key) ?? '', { failures: r.failures, lockedUntil: r.lockedUntil }]),
  );
}
