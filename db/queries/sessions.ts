import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { userSessions } from '../schema';

// Server-side sessions behind the JWT cookie: the cookie names a row here, and a session is only
// alive while its row is. Signing out revokes the row, so a copied cookie dies with it.

/** A new session row; returns its id (the cookie names it). */
export async function insertSession(
  db: Db | Tx,
  input: {
    userId: string;
    now: Date;
    secondFactorAt: Date | null;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<string | null> {
  const [row] = await db
    .insert(userSessions)
    .values({
      userId: input.userId,
      createdAt: input.now,
      lastSeenAt: input.now,
      secondFactorAt: input.secondFactorAt,
      ip: input.ip,
      userAgent: input.userAgent,
    })
    .returning({ id: userSessions.id });
  return row?.id ?? null;
}

/** The session row `sid`, if it is not revoked and belongs to that user. */
export async function findLiveSession(db: Db, sid: string, userId: string) {
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

/** Records when a session was last seen. */
export async function setSessionLastSeen(db: Db, sid: string, now: Date) {
  await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, sid));
}

/** Revokes one session (a no-op when it already is). */
export async function revokeSessionRow(db: Db | Tx, sid: string, reason: string, now: Date) {
  await db
    .update(userSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(userSessions.id, sid), isNull(userSessions.revokedAt)));
}

/** Revokes every open session of a person but `keep`; returns how many ended. */
export async function revokeSessionsOfUser(
  db: Db | Tx,
  input: { userId: string; keep: string | null; reason: string; now: Date },
) {
  const ended = await db
    .update(userSessions)
    .set({ revokedAt: input.now, revokedReason: input.reason })
    .where(
      and(
        eq(userSessions.userId, input.userId),
        isNull(userSessions.revokedAt),
        ...(input.keep ? [ne(userSessions.id, input.keep)] : []),
      ),
    )
    .returning({ id: userSessions.id });
  return ended.length;
}

/** Records that the person gave their second factor (or enrolled one) in this session. */
export async function markSessionSecondFactor(db: Db | Tx, sid: string, now: Date) {
  await db.update(userSessions).set({ secondFactorAt: now }).where(eq(userSessions.id, sid));
}

/** A person's open sessions, newest first, for "where am I signed in". */
export function openSessionsOf(db: Db, userId: string, since: Date) {
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

export type OpenSessionRow = Awaited<ReturnType<typeof openSessionsOf>>[number];
