import { and, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import type { AlertCondition, AlertEventKind, AlertState, NoticeChannel, Role } from '../enums';
import {
  alertChannels,
  alertConditions,
  alertEvents,
  alertSeen,
  alerts,
  notices,
  users,
} from '../schema';
import { claimDue } from './claim';

// Alerts, their events, the bell's read marks and the notices outbox (lib/alerts decides).

export type AlertRow = typeof alerts.$inferSelect;
export type NewNotice = Omit<
  typeof notices.$inferInsert,
  'id' | 'attempts' | 'leaseHolder' | 'leaseUntil' | 'sentAt' | 'gaveUpAt' | 'lastError'
>;

/** Alerts open now (the metrics endpoint, the shell). */
export async function countOpenAlerts(db: Db | Tx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(alerts).where(eq(alerts.state, 'open'));
  return row?.n ?? 0;
}

/**
 * One evaluator at a time across every instance: a transaction-scoped advisory lock, taken or
 * skipped (never waited for), let go at commit.
 */
export async function tryEvaluatorLock(tx: Tx): Promise<boolean> {
  const res = await tx.execute<{ ok: boolean }>(
    sql`select pg_try_advisory_xact_lock(hashtext('flexy.alerts.evaluate')) as ok`,
  );
  return res.rows[0]?.ok === true;
}

export function conditionSettings(db: Db | Tx) {
  return db.select().from(alertConditions);
}

export async function saveConditionSettings(
  tx: Tx,
  row: {
    condition: AlertCondition;
    enabled: boolean;
    params: unknown;
    by: string | null;
    at: Date;
  },
) {
  const values = { enabled: row.enabled, params: row.params, updatedBy: row.by, updatedAt: row.at };
  await tx
    .insert(alertConditions)
    .values({ condition: row.condition, ...values })
    .onConflictDoUpdate({ target: alertConditions.condition, set: values });
}

export function channelSettings(db: Db | Tx) {
  return db.select().from(alertChannels);
}

export async function saveChannelSettings(
  tx: Tx,
  row: { channel: NoticeChannel; enabled: boolean; settings: unknown; by: string | null; at: Date },
) {
  const values = {
    enabled: row.enabled,
    settings: row.settings,
    updatedBy: row.by,
    updatedAt: row.at,
  };
  await tx
    .insert(alertChannels)
    .values({ channel: row.channel, ...values })
    .onConflictDoUpdate({ target: alertChannels.channel, set: values });
}

/** People who receive email in these roles (enabled accounts), with their language. */
export function recipientsIn(db: Db | Tx, roles: readonly Role[]) {
  if (roles.length === 0) return Promise.resolve([]);
  return db
    .select({ id: users.id, email: users.email, role: users.role, locale: users.locale })
    .from(users)
    .where(and(inArray(users.role, [...roles]), eq(users.disabled, false)))
    .orderBy(users.email);
}

export function openAlerts(db: Db | Tx): Promise<AlertRow[]> {
  return db.select().from(alerts).where(eq(alerts.state, 'open'));
}

/** Opens an alert for `key` unless one is open; null when one already was. */
export async function insertAlert(
  tx: Tx,
  row: { key: string; condition: AlertCondition; facts: unknown; at: Date; nextReminderAt: Date },
): Promise<AlertRow | null> {
  const [inserted] = await tx
    .insert(alerts)
    .values({
      key: row.key,
      condition: row.condition,
      facts: row.facts,
      openedAt: row.at,
      lastSeenAt: row.at,
      nextReminderAt: row.nextReminderAt,
    })
    .onConflictDoNothing({ target: alerts.key, where: sql`${alerts.state} = 'open'` })
    .returning();
  return inserted ?? null;
}

export async function updateAlert(
  tx: Tx,
  id: string,
  set: Partial<
    Pick<
      AlertRow,
      | 'facts'
      | 'lastSeenAt'
      | 'reminders'
      | 'nextReminderAt'
      | 'state'
      | 'resolvedAt'
      | 'clearSince'
    >
  >,
): Promise<AlertRow> {
  const [row] = await tx.update(alerts).set(set).where(eq(alerts.id, id)).returning();
  if (!row) throw new Error(`alert ${id} vanished`);
  return row;
}

export async function insertAlertEvent(
  tx: Tx,
  row: {
    alertId: string;
    kind: AlertEventKind;
    at: Date;
    actorUserId?: string | null;
    facts?: unknown;
  },
) {
  await tx.insert(alertEvents).values(row);
}

/** Queues notices; one that exists already (same dedupe key) is left as it is. */
export async function queueNotices(tx: Db | Tx, rows: NewNotice[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insert(notices)
    .values(rows)
    .onConflictDoNothing({ target: notices.dedupeKey })
    .returning({ id: notices.id });
  return inserted.length;
}

/** A person acknowledges an open alert; null when it is not open or already acknowledged. */
export async function acknowledgeAlert(tx: Tx, id: string, userId: string, at: Date) {
  const [row] = await tx
    .update(alerts)
    .set({ acknowledgedAt: at, acknowledgedBy: userId })
    .where(and(eq(alerts.id, id), eq(alerts.state, 'open'), isNull(alerts.acknowledgedAt)))
    .returning();
  return row ?? null;
}

/** An alert and the name of who acknowledged it. */
export async function alertById(db: Db | Tx, id: string) {
  const [row] = await db
    .select({ alert: alerts, acknowledgedByName: users.name })
    .from(alerts)
    .leftJoin(users, eq(users.id, alerts.acknowledgedBy))
    .where(eq(alerts.id, id));
  return row ?? null;
}

export type AlertFilter = {
  state?: AlertState;
  condition?: AlertCondition;
  /** Keyset: alerts older than this one (opened at, id), as the previous page ended. */
  before?: { openedAt: Date; id: string };
};
export const ALERTS_PAGE_SIZE = 50;

/** The alerts page: newest first, with who acknowledged each. */
export function listAlerts(db: Db | Tx, filter: AlertFilter) {
  const where: SQL[] = [];
  if (filter.state) where.push(eq(alerts.state, filter.state));
  if (filter.condition) where.push(eq(alerts.condition, filter.condition));
  if (filter.before)
    where.push(
      sql`(${alerts.openedAt}, ${alerts.id}) < (${filter.before.openedAt}, ${filter.before.id})`,
    );
  return db
    .select({
      id: alerts.id,
      key: alerts.key,
      condition: alerts.condition,
      state: alerts.state,
      facts: alerts.facts,
      openedAt: alerts.openedAt,
      lastSeenAt: alerts.lastSeenAt,
      resolvedAt: alerts.resolvedAt,
      reminders: alerts.reminders,
      acknowledgedAt: alerts.acknowledgedAt,
      acknowledgedBy: users.name,
      acknowledgedByEmail: users.email,
    })
    .from(alerts)
    .leftJoin(users, eq(users.id, alerts.acknowledgedBy))
    .where(and(...where))
    .orderBy(desc(alerts.openedAt), desc(alerts.id))
    .limit(ALERTS_PAGE_SIZE + 1);
}

/** The bell shows up to this many; more reads as "99+". */
export const UNREAD_CAP = 100;

/**
 * Alert steps (opened, resolved) a person has not been shown since they last opened the alerts
 * page, counted by event id (ids follow commit order: the evaluator runs one at a time), and
 * none from before their account existed; at most UNREAD_CAP.
 */
export async function unreadAlertCount(db: Db | Tx, userId: string): Promise<number> {
  const res = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      select 1 from ${alertEvents} e
      where e.kind in ('opened', 'resolved')
        and e.id > coalesce((select last_event_id from ${alertSeen} where user_id = ${userId}), 0)
        and e.at >= (select created_at from ${users} where id = ${userId})
      limit ${UNREAD_CAP}) unread`);
  return res.rows[0]?.n ?? 0;
}

/** The person has been shown every alert event so far. */
export async function markAlertsSeen(db: Db | Tx, userId: string, at: Date) {
  const newest = sql`(select coalesce(max(id), 0) from ${alertEvents})`;
  await db
    .insert(alertSeen)
    .values({ userId, seenAt: at, lastEventId: newest })
    .onConflictDoUpdate({
      target: alertSeen.userId,
      set: {
        seenAt: at,
        lastEventId: sql`greatest(${alertSeen.lastEventId}, excluded.last_event_id)`,
      },
    });
}

export function alertHistory(db: Db | Tx, alertId: string) {
  return db
    .select({
      kind: alertEvents.kind,
      at: alertEvents.at,
      actor: users.name,
    })
    .from(alertEvents)
    .leftJoin(users, eq(users.id, alertEvents.actorUserId))
    .where(eq(alertEvents.alertId, alertId))
    .orderBy(alertEvents.at, alertEvents.id);
}

export const NOTICE_LEASE_MS = 60_000;

/** Claims due notices for `workerId` (SKIP LOCKED + lease): each is sent by one worker. */
export function claimDueNotices(
  db: Db | Tx,
  claim: { now: Date; workerId: string; limit: number },
) {
  return claimDue(db, {
    table: notices,
    key: notices.id,
    dueAt: notices.dueAt,
    now: claim.now,
    where: sql`${notices.sentAt} is null and ${notices.gaveUpAt} is null`,
    limit: claim.limit,
    lease: {
      holder: notices.leaseHolder,
      until: notices.leaseUntil,
      workerId: claim.workerId,
      ms: NOTICE_LEASE_MS,
    },
    returning: {
      id: notices.id,
      channel: notices.channel,
      recipient: notices.recipient,
      kind: notices.kind,
      subject: notices.subject,
      text: notices.text,
      html: notices.html,
      payload: notices.payload,
      attempts: notices.attempts,
    },
  });
}

export type ClaimedNotice = Awaited<ReturnType<typeof claimDueNotices>>[number];

/**
 * Records what became of a claimed notice, only while this worker still holds its lease: a
 * worker that overran its lease (and whose notice another one took) does not overwrite that.
 */
export async function recordNoticeOutcome(
  db: Db | Tx,
  id: number,
  workerId: string,
  outcome:
    | { sent: true; at: Date }
    | { sent: false; at: Date; error: string; retryAt: Date | null },
): Promise<boolean> {
  const lease = { leaseHolder: null, leaseUntil: null };
  const rows = await db
    .update(notices)
    .set(
      outcome.sent
        ? { ...lease, sentAt: outcome.at, attempts: sql`${notices.attempts} + 1`, lastError: null }
        : {
            ...lease,
            attempts: sql`${notices.attempts} + 1`,
            lastError: outcome.error,
            ...(outcome.retryAt ? { dueAt: outcome.retryAt } : { gaveUpAt: outcome.at }),
          },
    )
    .where(and(eq(notices.id, id), eq(notices.leaseHolder, workerId), isNull(notices.sentAt)))
    .returning({ id: notices.id });
  return rows.length > 0;
}

/** Notices not sent yet and not given up, and how many failed at least once (sync health). */
export async function noticeBacklog(db: Db | Tx, now: Date) {
  const res = await db.execute<{ pending: number; failing: number; gave_up: number }>(sql`
    select count(*) filter (where sent_at is null and gave_up_at is null)::int as pending,
      count(*) filter (where sent_at is null and gave_up_at is null and attempts > 0)::int as failing,
      count(*) filter (where gave_up_at > ${new Date(now.getTime() - 86_400_000)})::int as gave_up
    from ${notices} where sent_at is null`);
  return res.rows[0] ?? { pending: 0, failing: 0, gave_up: 0 };
}

/** The newest test message of a channel, to show whether it went out. */
export async function lastTestNotice(db: Db | Tx, channel: NoticeChannel) {
  const [row] = await db
    .select({
      createdAt: notices.createdAt,
      sentAt: notices.sentAt,
      gaveUpAt: notices.gaveUpAt,
      lastError: notices.lastError,
      attempts: notices.attempts,
    })
    .from(notices)
    .where(and(eq(notices.kind, 'test'), eq(notices.channel, channel)))
    .orderBy(desc(notices.id))
    .limit(1);
  return row ?? null;
}
