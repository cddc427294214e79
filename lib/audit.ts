import type { Db, Tx } from '../db/client';
import type { AuditOutcome, Role } from '../db/enums';
import { auditLog } from '../db/schema';

export type Actor = { id: string | null; email: string | null; role: Role | null };
export const SYSTEM_ACTOR: Actor = { id: null, email: null, role: null };

export type AuditEntry = {
  actor: Actor;
  action: string;
  outcome: AuditOutcome;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  requestId?: string | null;
  ip?: string | null;
};

/** Appends one audit row. Pass the transaction that made the change, so both land or neither. */
export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: entry.actor.id,
    actorEmail: entry.actor.email,
    actorRole: entry.actor.role,
    action: entry.action,
    outcome: entry.outcome,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details,
    requestId: entry.requestId ?? null,
    ip: entry.ip ?? null,
  });
}
