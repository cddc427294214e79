// No 'server-only' here: lib/audit.ts's writes also run under plain Node (`npm run
// user:create`, without the react-server condition), where that import throws.
import { desc, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import type { AuditOutcome, Role } from '../enums';
import { anonymousRefusals, auditLog } from '../schema';

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, keyset-paginated by id (`before` = the last id of the previous page). */
export function listAudit(db: Db, before?: number) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorEmail: auditLog.actorEmail,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      outcome: auditLog.outcome,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(before ? lt(auditLog.id, before) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE);
}

/** One audit row as written: who (flattened), what, on which target, from where. */
export type NewAuditRow = {
  actorUserId: string | null;
  actorEmail: string | null;
  actorRole: Role | null;
  action: string;
  outcome: AuditOutcome;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
};

/** Appends one audit row, in the caller's transaction when it passes one. */
export async function insertAuditRow(db: Db | Tx, row: NewAuditRow): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: row.actorUserId,
    actorEmail: row.actorEmail,
    actorRole: row.actorRole,
    action: row.action,
    outcome: row.outcome,
    targetType: row.targetType,
    targetId: row.targetId,
    details: row.details,
    requestId: row.requestId,
    ip: row.ip,
  });
}

/**
 * Adds one to today's (UTC day) counter for this action and reason, creating it at 1: one row
 * per day, action and reason, however many refusals (lib/audit.ts says why).
 */
export async function bumpAnonymousRefusal(
  db: Db | Tx,
  entry: { action: string; reason: string },
): Promise<void> {
  await db
    .insert(anonymousRefusals)
    .values({
      day: sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD')`,
      action: entry.action,
      reason: entry.reason,
      count: 1,
    })
    .onConflictDoUpdate({
      target: [anonymousRefusals.day, anonymousRefusals.action, anonymousRefusals.reason],
      set: { count: sql`${anonymousRefusals.count} + 1`, lastAt: sql`now()` },
    });
}
