import type { Db, Tx } from '../../db/client';
import {
  findLiveSession,
  insertSession,
  markSessionSecondFactor,
  revokeSessionRow,
  revokeSessionsOfUser,
  setSessionLastSeen,
} from '../../db/queries/sessions';

// Server-side sessions behind the JWT cookie: the cookie names a row (db/queries/sessions.ts),
// and a session is only alive while its row is. Signing out revokes the row, so a copied cookie
// dies with it.

/** How often a session's last-seen time is written (a write per page view is not needed). */
const SEEN_EVERY_MS = 5 * 60_000;

export async function startSession(
  db: Db | Tx,
  input: { userId: string; secondFactor: boolean; ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const id = await insertSession(db, {
    userId: input.userId,
    now,
    secondFactorAt: input.secondFactor ? now : null,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  if (!id) throw new Error('session not created');
  return id;
}

/** The session row of a cookie, if it is alive and belongs to that user. */
export async function liveSession(db: Db, sid: string, userId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(sid)) return null;
  return findLiveSession(db, sid, userId);
}

export async function touchSession(db: Db, sid: string, lastSeenAt: Date, now = new Date()) {
  if (now.getTime() - lastSeenAt.getTime() < SEEN_EVERY_MS) return;
  await setSessionLastSeen(db, sid, now);
}

export async function revokeSession(db: Db | Tx, sid: string, reason: string, now = new Date()) {
  await revokeSessionRow(db, sid, reason, now);
}

/** Every session of a person but `keep` (their own browser); returns how many ended. */
export async function revokeOtherSessions(
  db: Db | Tx,
  userId: string,
  keep: string | null,
  reason: string,
  now = new Date(),
) {
  return revokeSessionsOfUser(db, { userId, keep, reason, now });
}

/** The person gave their second factor (or enrolled one) in this session. */
export async function markSecondFactor(db: Db | Tx, sid: string, now = new Date()) {
  await markSessionSecondFactor(db, sid, now);
}
