import 'server-only';
import { desc, lt } from 'drizzle-orm';
import type { Db } from '../client';
import { auditLog } from '../schema';

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
