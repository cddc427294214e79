import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ROLES } from '../enums';
import { tz } from './columns';

// Staff accounts and signing in: users, their sessions, recovery codes, sign-in throttling.

export const userRole = pgEnum('user_role', ROLES);

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

export type User = typeof users.$inferSelect;
