import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AUDIT_OUTCOMES,
  CHAIN_STATES,
  CREDENTIALS_STATES,
  DELIVERY_STATES,
  EVENT_KINDS,
  EVENT_SOURCES,
  LINK_KINDS,
  QUARANTINE_STATES,
  REFUND_STATES,
  ROLES,
  TOPUP_STATUSES,
} from './enums';

export const userRole = pgEnum('user_role', ROLES);
export const topupStatus = pgEnum('topup_status', TOPUP_STATUSES);
export const eventSource = pgEnum('event_source', EVENT_SOURCES);
export const eventKind = pgEnum('event_kind', EVENT_KINDS);
export const auditOutcome = pgEnum('audit_outcome', AUDIT_OUTCOMES);
export const refundState = pgEnum('refund_state', REFUND_STATES);
export const deliveryState = pgEnum('delivery_state', DELIVERY_STATES);
export const linkKind = pgEnum('link_kind', LINK_KINDS);
export const chainState = pgEnum('chain_state', CHAIN_STATES);
export const quarantineState = pgEnum('quarantine_state', QUARANTINE_STATES);
export const credentialsState = pgEnum('credentials_state', CREDENTIALS_STATES);

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** DZD amounts: numeric in SQL, decimal strings in TypeScript. Never a float. */
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    /** Bumped on disable, role change and password reset: older sessions stop working. */
    sessionVersion: integer('session_version').notNull().default(1),
    lastLoginAt: tz('last_login_at'),
    locale: text('locale'),
    /** TOTP secret, encrypted at rest (lib/auth/secret-box.ts); null until enrolled. */
    totpSecret: text('totp_secret'),
    /** When the person confirmed their second factor with a first code. */
    totpEnabledAt: tz('totp_enabled_at'),
    /** The last 30-second step a code was accepted for: a code works once. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** A temporary password (set by an admin or the CLI) must be changed at the next sign-in. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: tz('password_changed_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

export const topups = pgTable(
  'topups',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The upstream `_id` (check-id key). */
    topupId: text('topup_id').notNull(),
    ref: text('ref'),
    status: topupStatus('status').notNull(),
    planCode: text('plan_code').notNull(),
    operator: text('operator').notNull(),
    /** Normalised national form 0XXXXXXXXX, as the upstream stores it. */
    msisdn: text('msisdn').notNull(),
    topupAmount: money('topup_amount').notNull(),
    balanceAmount: money('balance_amount'),
    refundMessage: text('refund_message'),
    suggestedOffers: jsonb('suggested_offers').$type<SuggestedOffer[]>(),
    followOrderId: text('follow_order_id'),
    retryOrderId: text('retry_order_id'),
    /** This order is a retry or follow-up of that one (whose retry/follow id names us). */
    parentPk: bigint('parent_pk', { mode: 'number' }).references((): AnyPgColumn => topups.id),
    linkKind: linkKind('link_kind'),
    /** On an original with linked orders: where they stand (db/enums.ts CHAIN_STATES). */
    chainState: chainState('chain_state'),
    upstreamCreatedAt: tz('upstream_created_at').notNull(),
    /** Set by the merchant's shop through the ingest API. */
    customerRef: text('customer_ref'),
    customerPrice: money('customer_price'),
    source: eventSource('source').notNull(),
    // Our own clock: the upstream has no updated_at.
    firstSeenAt: tz('first_seen_at').notNull().defaultNow(),
    statusChangedAt: tz('status_changed_at').notNull().defaultNow(),
    finalizedAt: tz('finalized_at'),
    unknownErrorAt: tz('unknown_error_at'),
    lastCheckedAt: tz('last_checked_at'),
    /** Rate limit for "check now", apart from the engine's own checks. */
    lastManualCheckAt: tz('last_manual_check_at'),
    nextCheckAt: tz('next_check_at'),
    checkCount: integer('check_count').notNull().default(0),
    consecutiveErrors: integer('consecutive_errors').notNull().default(0),
    lastError: text('last_error'),
    lastErrorAt: tz('last_error_at'),
    stuck: boolean('stuck').notNull().default(false),
    /** When finance recorded the customer's refund (mirrors `refunds`, for fast "refund due"). */
    refundedAt: tz('refunded_at'),
    /** A change between final statuses happened: finance must look. */
    needsReview: boolean('needs_review').notNull().default(false),
    /** Lease for multi-worker claiming; an expired lease is free to take. */
    claimedBy: text('claimed_by'),
    claimedUntil: tz('claimed_until'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('topups_topup_id_key').on(t.topupId),
    // Not unique: OneClick may retry an order under the same ref.
    index('topups_ref_idx').on(t.ref),
    index('topups_retry_order_idx').on(t.retryOrderId).where(sql`${t.retryOrderId} is not null`),
    index('topups_follow_order_idx').on(t.followOrderId).where(sql`${t.followOrderId} is not null`),
    index('topups_parent_idx').on(t.parentPk).where(sql`${t.parentPk} is not null`),
    index('topups_due_idx').on(t.nextCheckAt).where(sql`${t.nextCheckAt} is not null`),
    index('topups_msisdn_created_idx').on(t.msisdn, t.upstreamCreatedAt.desc(), t.id.desc()),
    index('topups_created_idx').on(t.upstreamCreatedAt.desc(), t.id.desc()),
    index('topups_status_created_idx').on(t.status, t.upstreamCreatedAt.desc(), t.id.desc()),
    index('topups_amount_idx').on(t.topupAmount, t.id),
    index('topups_status_amount_idx').on(t.status, t.topupAmount, t.id),
    index('topups_refund_due_idx')
      .on(t.upstreamCreatedAt.desc(), t.id.desc())
      .where(
        sql`${t.status} = 'REFUNDED' and ${t.refundedAt} is null and ${t.parentPk} is null and (${t.chainState} is null or ${t.chainState} = 'refunded')`,
      ),
    index('topups_refunded_changed_idx').on(t.statusChangedAt).where(sql`${t.status} = 'REFUNDED'`),
    index('topups_unknown_idx')
      .on(t.unknownErrorAt, t.id)
      .where(sql`${t.status} = 'UNKNOWN_ERROR'`),
    index('topups_in_flight_idx')
      .on(t.upstreamCreatedAt)
      .where(sql`${t.status} in ('PENDING', 'HANDLING')`),
  ],
);

/** As the upstream sends it, with the amount as a decimal string. */
export type SuggestedOffer = { typename: string; plan_code: string; amount: string };

export const topupEvents = pgTable(
  'topup_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    topupPk: bigint('topup_pk', { mode: 'number' })
      .notNull()
      .references(() => topups.id),
    kind: eventKind('kind').notNull(),
    fromStatus: topupStatus('from_status'),
    toStatus: topupStatus('to_status'),
    source: eventSource('source').notNull(),
    /** A user id, or a process name such as `worker:host:pid`. */
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actor: text('actor').notNull(),
    requestId: text('request_id'),
    message: text('message'),
    payload: jsonb('payload'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('topup_events_topup_idx').on(t.topupPk, t.createdAt)],
);

export const refunds = pgTable(
  'refunds',
  {
    /** Also the idempotency key sent to the merchant's system. */
    id: uuid('id').primaryKey().defaultRandom(),
    topupPk: bigint('topup_pk', { mode: 'number' })
      .notNull()
      .references(() => topups.id),
    amount: money('amount').notNull(),
    reason: text('reason'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    /** `user:<email>` or `token:<name>` — who asked for it. */
    createdVia: text('created_via').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    state: refundState('state').notNull().default('approved'),
    /** Why a second finance user must approve: 'amount' or 'unknown_error'. */
    approvalReason: text('approval_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tz('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    uniqueIndex('refunds_topup_key').on(t.topupPk),
    index('refunds_created_idx').on(t.createdAt.desc()),
    index('refunds_awaiting_idx').on(t.createdAt).where(sql`${t.state} = 'awaiting_approval'`),
  ],
);

/** The outbox: one delivery per approved refund to REFUND_WEBHOOK_URL, retried until a 2xx. */
export const refundDeliveries = pgTable(
  'refund_deliveries',
  {
    refundId: uuid('refund_id')
      .primaryKey()
      .references(() => refunds.id),
    state: deliveryState('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tz('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: tz('delivered_at'),
    claimedBy: text('claimed_by'),
    claimedUntil: tz('claimed_until'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('refund_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
  ],
);

/** Every webhook attempt, shown on the order page. */
export const refundDeliveryAttempts = pgTable(
  'refund_delivery_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    refundId: uuid('refund_id')
      .notNull()
      .references(() => refunds.id),
    at: tz('at').notNull().defaultNow(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    error: text('error'),
    /** Who asked: the worker, or a finance user's redelivery. */
    trigger: text('trigger').notNull(),
  },
  (t) => [index('refund_delivery_attempts_refund_idx').on(t.refundId, t.at)],
);

/** Answers to `Idempotency-Key` requests of the merchant's shop, per token. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tokenId: uuid('token_id')
      .notNull()
      .references(() => apiTokens.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.key] })],
);

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

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** First characters of the token, shown in lists so people can tell tokens apart. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the whole token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
    lastUsedAt: tz('last_used_at'),
    revokedAt: tz('revoked_at'),
    /** What the token may do (lib/api/scopes.ts); tokens made before scopes keep all three. */
    scopes: text('scopes')
      .array()
      .notNull()
      .default(sql`array['read','register','refund']::text[]`),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash)],
);

/** Small key/value state for background work (sync cursors, backfill progress). */
export const appState = pgTable('app_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

/**
 * Exact order counts per status tab ('PENDING' … 'UNKNOWN_ERROR', 'refund_due'), kept by
 * statement-level triggers on `topups`, so the tabs never COUNT(*) a million rows.
 */
export const topupCounts = pgTable('topup_counts', {
  bucket: text('bucket').primaryKey(),
  n: bigint('n', { mode: 'number' }).notNull().default(0),
});

/**
 * Hourly rollup of orders by creation hour (UTC), operator and plan, recomputed from `topups`
 * by the background engine for every hour marked dirty (lib/reports/rollup.ts). Reports read
 * only this, never the raw orders. A status that changes a day later re-marks its hour.
 */
export const topupHourly = pgTable(
  'topup_hourly',
  {
    hour: tz('hour').notNull(),
    operator: text('operator').notNull(),
    planCode: text('plan_code').notNull(),
    orders: integer('orders').notNull(),
    pending: integer('pending').notNull(),
    handling: integer('handling').notNull(),
    fulfilled: integer('fulfilled').notNull(),
    refunded: integer('refunded').notNull(),
    unknown: integer('unknown').notNull(),
    fulfilledAmount: money('fulfilled_amount').notNull(),
    refundedAmount: money('refunded_amount').notNull(),
    /** What OneClick kept from our balance (orders not refunded). */
    chargedAmount: money('charged_amount').notNull(),
    /** Orders that went through UNKNOWN_ERROR, and how they ended. */
    passedUnknown: integer('passed_unknown').notNull(),
    unknownToFulfilled: integer('unknown_to_fulfilled').notNull(),
    unknownToRefunded: integer('unknown_to_refunded').notNull(),
    unknownResolveMs: bigint('unknown_resolve_ms', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.operator, t.planCode] })],
);

/**
 * Time-to-final histogram per creation hour (buckets: lib/reports/definitions.ts), kept apart
 * from the operator/plan rows so a 90-day p50/p95 sums 2,160 arrays, not 20,000.
 */
export const ttfHourly = pgTable('ttf_hourly', {
  hour: tz('hour').primaryKey(),
  buckets: integer('buckets').array().notNull(),
});

/** Customer refunds (approved) per hour of their recording. */
export const refundHourly = pgTable('refund_hourly', {
  hour: tz('hour').primaryKey(),
  refunds: integer('refunds').notNull(),
  amount: money('amount').notNull(),
});

/** Hours whose rollups must be recomputed, marked by triggers in the same transaction. */
export const rollupDirty = pgTable(
  'rollup_dirty',
  {
    kind: text('kind').notNull(),
    hour: tz('hour').notNull(),
    markedAt: tz('marked_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.hour] })],
);

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
 * Top-ups the merchant's shop registered while the upstream could not be reached to confirm
 * them. The worker confirms each with check-id and moves it into `topups`.
 */
export const ingestQueue = pgTable('ingest_queue', {
  topupId: text('topup_id').primaryKey(),
  ref: text('ref'),
  customerRef: text('customer_ref'),
  customerPrice: money('customer_price'),
  tokenId: uuid('token_id').references(() => apiTokens.id),
  receivedAt: tz('received_at').notNull().defaultNow(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: tz('next_attempt_at').notNull().defaultNow(),
  lastError: text('last_error'),
});

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

/**
 * One row per signed-in browser. The session cookie carries its id; signing out revokes it on
 * the server, so a copied cookie stops working at once ("sign out my other sessions" too).
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
    lastSeenAt: tz('last_seen_at').notNull().defaultNow(),
    /** Set once the second factor was given (or when the person has none to give). */
    secondFactorAt: tz('second_factor_at'),
    revokedAt: tz('revoked_at'),
    revokedReason: text('revoked_reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId, t.createdAt.desc())],
);

/** Single-use recovery codes for the second factor, stored hashed. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    usedAt: tz('used_at'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/**
 * Sign-in throttling per email (hashed), for known and unknown emails alike, so the lockout
 * answer says nothing about whether an account exists. Claimed atomically before each
 * password or code check.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  /** SHA-256 of the lower-cased email. */
  emailHash: text('email_hash').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: tz('locked_until'),
  lastFailureAt: tz('last_failure_at'),
});

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

export type User = typeof users.$inferSelect;
export type Topup = typeof topups.$inferSelect;
export type TopupEvent = typeof topupEvents.$inferSelect;
export type AuditRow = typeof auditLog.$inferInsert;
