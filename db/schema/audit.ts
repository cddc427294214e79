import { bigint, index, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { AUDIT_OUTCOMES } from '../enums';
import { tz } from './columns';
import { userRole } from './users';

// The audit log and the counted anonymous refusals.

export const auditOutcome = pgEnum('audit_outcome', AUDIT_OUTCOMES);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: tz('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorEmail: text('actor_email'),
    actorRole: userRole('actor_role'),
    action: text('action').notNull(),
    outcome: auditOutcome('outcome').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at.desc()),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);

/**
 * Refused anonymous calls (server actions without a session), counted per day, action and
 * reason instead of one append-only audit row per request an anonymous caller can send.
 */
export const anonymousRefusals = pgTable(
  'anonymous_refusals',
  {
    day: text('day').notNull(),
    action: text('action').notNull(),
    reason: text('reason').notNull(),
    count: bigint('count', { mode: 'number' }).notNull().default(0),
    lastAt: tz('last_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.day, t.action, t.reason] })],
);

export type AuditRow = typeof auditLog.$inferInsert;
