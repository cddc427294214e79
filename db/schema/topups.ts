import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
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
import { CHAIN_STATES, EVENT_KINDS, EVENT_SOURCES, LINK_KINDS, TOPUP_STATUSES } from '../enums';
import { money, tz } from './columns';
import { users } from './users';

// Orders (top-ups) as mirrored from the upstream, their event history and per-tab counts.

export const topupStatus = pgEnum('topup_status', TOPUP_STATUSES);
export const eventSource = pgEnum('event_source', EVENT_SOURCES);
export const eventKind = pgEnum('event_kind', EVENT_KINDS);
export const linkKind = pgEnum('link_kind', LINK_KINDS);
export const chainState = pgEnum('chain_state', CHAIN_STATES);

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
    /** The desk's re-send of this order with a suggested offer (lib/resends): its upstream id. */
    resendOrderId: text('resend_order_id'),
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
    index('topups_resend_order_idx').on(t.resendOrderId).where(sql`${t.resendOrderId} is not null`),
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

/**
 * Exact order counts per status tab ('PENDING' … 'UNKNOWN_ERROR', 'refund_due'), kept by
 * statement-level triggers on `topups`, so the tabs never COUNT(*) a million rows.
 */
export const topupCounts = pgTable('topup_counts', {
  bucket: text('bucket').primaryKey(),
  n: bigint('n', { mode: 'number' }).notNull().default(0),
});

export type Topup = typeof topups.$inferSelect;
export type TopupEvent = typeof topupEvents.$inferSelect;
