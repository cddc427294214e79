import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CREDENTIALS_STATES, QUARANTINE_STATES } from '../enums';
import { tz } from './columns';
import { users } from './users';

// Background sync with the upstream: state, call stats, quarantine, credentials.

export const quarantineState = pgEnum('quarantine_state', QUARANTINE_STATES);
export const credentialsState = pgEnum('credentials_state', CREDENTIALS_STATES);

/** Small key/value state for background work (sync cursors, backfill progress). */
export const appState = pgTable('app_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

/** Upstream calls per minute and operation, for the health panel (written by every process). */
export const upstreamCallStats = pgTable(
  'upstream_call_stats',
  {
    minute: tz('minute').notNull(),
    operation: text('operation').notNull(),
    calls: integer('calls').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    totalMs: bigint('total_ms', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.minute, t.operation] })],
);

/**
 * List items that did not fit the contract, kept as they came with the reason, so one odd
 * record never stops a sync and a person can retry or dismiss it (Sync health).
 */
export const upstreamQuarantine = pgTable(
  'upstream_quarantine',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The upstream id when the item has one, else a hash of the item. */
    fingerprint: text('fingerprint').notNull(),
    topupId: text('topup_id'),
    raw: jsonb('raw').notNull(),
    error: text('error').notNull(),
    /** Which read met it: backfill, incremental, list-poll. */
    source: text('source').notNull(),
    requestId: text('request_id'),
    state: quarantineState('state').notNull().default('open'),
    firstSeenAt: tz('first_seen_at').notNull().defaultNow(),
    lastSeenAt: tz('last_seen_at').notNull().defaultNow(),
    seenCount: integer('seen_count').notNull().default(1),
    resolvedAt: tz('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolution: text('resolution'),
  },
  (t) => [
    uniqueIndex('upstream_quarantine_fingerprint_key').on(t.fingerprint),
    index('upstream_quarantine_open_idx').on(t.lastSeenAt).where(sql`${t.state} = 'open'`),
  ],
);

/**
 * How the upstream last judged each API key (by fingerprint, never the key): refusals counted
 * across restarts and instances, so a bad key cannot reach the upstream's five-refusal IP block.
 * While a key is not confirmed, one call at a time holds the probe lease.
 */
export const upstreamCredentials = pgTable('upstream_credentials', {
  keyFingerprint: text('key_fingerprint').primaryKey(),
  state: credentialsState('state').notNull().default('unconfirmed'),
  refusals: integer('refusals').notNull().default(0),
  /** The upstream's own count of tries left before it blocks the IP, when it said. */
  attemptsLeft: integer('attempts_left'),
  lastError: text('last_error'),
  confirmedAt: tz('confirmed_at'),
  refusedAt: tz('refused_at'),
  probeHolder: text('probe_holder'),
  probeUntil: tz('probe_until'),
  resetBy: uuid('reset_by').references(() => users.id),
  resetAt: tz('reset_at'),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
