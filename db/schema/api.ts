import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { money, tz } from './columns';
import { users } from './users';

// The merchant's API: tokens, idempotency answers, and the ingest queue.

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
