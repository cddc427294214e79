import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ALERT_CONDITIONS, ALERT_EVENT_KINDS, ALERT_STATES, NOTICE_CHANNELS } from '../enums';
import { tz } from './columns';
import { users } from './users';

// Alerts (lib/alerts): what the desk watches, what it found, who was told and who acknowledged.

export const alertCondition = pgEnum('alert_condition', ALERT_CONDITIONS);
export const alertState = pgEnum('alert_state', ALERT_STATES);
export const alertEventKind = pgEnum('alert_event_kind', ALERT_EVENT_KINDS);
export const noticeChannel = pgEnum('notice_channel', NOTICE_CHANNELS);

/** An admin's thresholds; a condition without a row runs on its defaults. */
export const alertConditions = pgTable('alert_conditions', {
  condition: alertCondition('condition').primaryKey(),
  enabled: boolean('enabled').notNull().default(true),
  /** The condition's thresholds, parsed by its zod schema (lib/alerts/thresholds.ts). */
  params: jsonb('params').notNull().default({}),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** An admin's channels: email (which roles) and an incoming webhook (URL, signing secret). */
export const alertChannels = pgTable('alert_channels', {
  channel: noticeChannel('channel').primaryKey(),
  enabled: boolean('enabled').notNull().default(false),
  settings: jsonb('settings').notNull().default({}),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * One row per time a condition held: opened once per key (the partial unique index), reminded
 * with backoff while it holds, resolved when it clears. `key` is the condition, or the
 * condition and what it is about (`operator_failures:Djezzy`).
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    condition: alertCondition('condition').notNull(),
    state: alertState('state').notNull().default('open'),
    /** What the evaluation found when it opened, then at its latest look (figures, names). */
    facts: jsonb('facts').notNull(),
    openedAt: tz('opened_at').notNull(),
    lastSeenAt: tz('last_seen_at').notNull(),
    resolvedAt: tz('resolved_at'),
    /** When a look first found it cleared; it resolves once it has stayed clear a while. */
    clearSince: tz('clear_since'),
    reminders: integer('reminders').notNull().default(0),
    nextReminderAt: tz('next_reminder_at'),
    acknowledgedAt: tz('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('alerts_open_key').on(t.key).where(sql`${t.state} = 'open'`),
    index('alerts_opened_idx').on(t.openedAt.desc()),
  ],
);

/** Each step of an alert's life; the bell counts the ones a person has not seen. */
export const alertEvents = pgTable(
  'alert_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id),
    kind: alertEventKind('kind').notNull(),
    at: tz('at').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    facts: jsonb('facts'),
  },
  (t) => [
    index('alert_events_at_idx').on(t.at.desc()),
    index('alert_events_alert_idx').on(t.alertId, t.at),
  ],
);

/** When each person last opened the alerts: what came after is unread. */
export const alertSeen = pgTable('alert_seen', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  seenAt: tz('seen_at').notNull(),
  /** The newest alert event the person had been shown: what comes after is unread. */
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull().default(0),
});

/**
 * The outbox of emails and webhook posts (alerts, reminders, digests, tests): rendered when
 * queued, in the recipient's language; `dedupe_key` makes each message exist once however many
 * workers queue it, and the claim's lease makes one worker send it.
 */
export const notices = pgTable(
  'notices',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dedupeKey: text('dedupe_key').notNull(),
    channel: noticeChannel('channel').notNull(),
    /** An email address, or the webhook's URL at the time it was queued. */
    recipient: text('recipient').notNull(),
    /** alert, digest or test. */
    kind: text('kind').notNull(),
    alertId: uuid('alert_id').references(() => alerts.id),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** The webhook's JSON body. */
    payload: jsonb('payload'),
    createdAt: tz('created_at').notNull(),
    dueAt: tz('due_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    leaseHolder: text('lease_holder'),
    leaseUntil: tz('lease_until'),
    sentAt: tz('sent_at'),
    /** Past the retries: kept with its last error for the alerts page. */
    gaveUpAt: tz('gave_up_at'),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('notices_dedupe_key').on(t.dedupeKey),
    index('notices_due_idx').on(t.dueAt).where(sql`${t.sentAt} is null and ${t.gaveUpAt} is null`),
  ],
);

/** One row per desk day whose morning digests were queued: a day's digests go out once. */
export const digestRuns = pgTable('digest_runs', {
  day: text('day').primaryKey(),
  queuedAt: tz('queued_at').notNull(),
  recipients: integer('recipients').notNull(),
});
