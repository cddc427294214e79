// Per-account sign-in throttling. The first few failures are free; after that each failure
// locks the account for a growing while; at the hard cap it stays locked until an admin
// unlocks it. Attempts made while locked are refused without counting, so an attacker cannot
// rush an account to the hard cap.

export const FREE_FAILURES = 5;
export const HARD_CAP = 20;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export type ThrottleState = { failedLoginCount: number; lockedUntil: Date | null };

export function isLocked(state: ThrottleState, now: Date): boolean {
  if (state.failedLoginCount >= HARD_CAP) return true;
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** When the account unlocks after its `failures`-th failure (null: not locked; far future: hard lock). */
export function lockAfterFailure(failures: number, now: Date): Date | null {
  if (failures >= HARD_CAP) return new Date('9999-12-31T00:00:00Z');
  if (failures < FREE_FAILURES) return null;
  const ms = Math.min(BASE_LOCK_MS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_MS);
  return new Date(now.getTime() + ms);
}
