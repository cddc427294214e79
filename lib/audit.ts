import type { Db, Tx } from '../db/client';
import type { AuditOutcome, Role } from '../db/enums';
import { bumpAnonymousRefusal, insertAuditRow } from '../db/queries/audit';

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
  await insertAuditRow(db, {
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

/**
 * Counts a refusal of someone not signed in (one row per UTC day, action and reason). Anyone
 * can send these, so they must not each append a row: the audit log would grow without bound.
 */
export async function countAnonymousRefusal(
  db: Db | Tx,
  entry: { action: string; reason: string },
): Promise<void> {
  await bumpAnonymousRefusal(db, entry);
}

/**
 * Who acts, and through which door, bound by that door (the action wrapper, the token API): a
 * service that must write its audit row inside its own transaction (the refund, next to the
 * money) decides when, and the door decides who and from where.
 */
export type AuditSink = (
  db: Db | Tx,
  entry: Omit<AuditEntry, 'actor' | 'requestId' | 'ip'>,
) => Promise<void>;

export function auditSink(bound: {
  actor: Actor;
  requestId?: string | null;
  ip?: string | null;
}): AuditSink {
  return (db, entry) => recordAudit(db, { ...entry, ...bound });
}
