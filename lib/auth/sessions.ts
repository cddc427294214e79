import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { userSessions } from '../../db/schema';

// Server-side sessions behind the JWT cookie: the cookie names a row here, and a session is only
// alive while its row is. Signing out revokes the row, so a copied cookie dies with it.

/** How often a session's last-seen time is written (a write per page view is not needed). */
const SEEN_EVERY_MS = 5 * 60_000;

export async function startSession(
  db: Db | Tx,
  input: { userId: string; secondFactor: boolean; ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      secondFactorAt: input.secondFactor ? now : null,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: userSessions.id });
  if (!row) throw new Error('session not created');
  return row.id;
}

/** The session row of a cookie, if it is alive and belongs to that user. */
export async function liveSession(db: Db, sid: string, userId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(sid)) return null;
  const [row] = await db
    .select({
      id: userSessions.id,
      secondFactorAt: userSessions.secondFactorAt,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .where(
      and(
        eq(userSessions.id, sid),
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
      ),
    );
  return row ?? null;
}

export async function touchSession(db: Db, sid: string, lastSeenAt: Date, now = new Date()) {
  if (now.getTime() - lastSeenAt.getTime() < SEEN_EVERY_MS) return;
  await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, sid));
}

export async function revokeSession(db: Db | Tx, sid: string, reason: string, now = new Date()) {
  await db
    .update(userSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(userSessions.id, sid), isNull(userSessions.revokedAt)));
}

/** Every session of a person but `keep` (their own browser); returns how many ended. */
export async function revokeOtherSessions(
  db: Db | Tx,
  userId: string,
  keep: string | null,
  reason: string,
  now = new Date(),
) {
  const ended = await db
    .update(userSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        ...(keep ? [ne(userSessions.id, keep)] : []),
      ),
    )
    .returning({ id: userSessions.id });
  return ended.length;
}

/** The person gave their second factor (or enrolled one) in this session. */
export async function markSecondFactor(db: Db | Tx, sid: string, now = new Date()) {
  await db.update(userSessions).set({ secondFactorAt: now }).where(eq(userSessions.id, sid));
}

/** A person's open sessions, newest first, for "where am I signed in". */
export function openSessions(db: Db, userId: string, since: Date) {
  return db
    .select({
      id: userSessions.id,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      ip: userSessions.ip,
      userAgent: userSessions.userAgent,
    })
    .from(userSessions)
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        // Started before the absolute limit: dead anyway, whatever the row says.
        gt(userSessions.createdAt, since),
      ),
    )
    .orderBy(desc(userSessions.lastSeenAt))
    .limit(50);
}
