// Enum values live here once and are reused by the Postgres enums (db/schema/), zod
// parsers, URL filters and the UI, so a value cannot exist in one place and not another.

export const ROLES = ['admin', 'finance', 'support', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The mobile operator an order is counted under (`topups.operator`, text; lib/phone.ts
 * `operatorOf` decides it from the plan code, else the number). OneClick's own catalogue says
 * "GMobilis" or "Pixx" for some plans: those are Mobilis here. `Other`: neither the plan nor
 * the number names one.
 */
export const OPERATORS = ['Djezzy', 'Mobilis', 'Ooredoo', 'Other'] as const;
export type Operator = (typeof OPERATORS)[number];

export const TOPUP_STATUSES = [
  'PENDING',
  'HANDLING',
  'FULFILLED',
  'REFUNDED',
  'UNKNOWN_ERROR',
] as const;
export type TopupStatus = (typeof TOPUP_STATUSES)[number];

/** Where an observation of a top-up came from. */
export const EVENT_SOURCES = ['list-sync', 'poll', 'manual', 'ingest', 'system', 'resend'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/**
 * What an event records. `status_changed` applies a transition; `anomaly` is an observation
 * the rules refused or flagged (a regression, a change between final statuses); `check_error`
 * is an upstream answer we could not use (network, garbled body) — the status is untouched;
 * `details_changed` is a new refund message or offer list on an unchanged status; `checked` is
 * a check someone asked for ("check now") that found nothing new — kept so the timeline shows it.
 */
export const EVENT_KINDS = [
  'created',
  'status_changed',
  'details_changed',
  'anomaly',
  'check_error',
  'note',
  'checked',
  'resend',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const AUDIT_OUTCOMES = ['ok', 'denied', 'invalid', 'error'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * A re-send of a refunded top-up with a suggested offer (lib/resends): waiting for a second
 * finance user, or `sending` (claimed: sent, or its answer is being settled with check-ref),
 * then `sent` (OneClick took it: the new order is tracked) or `failed` (OneClick refused it, or
 * holds no order under its ref: nothing was sent); `rejected` by the second finance user.
 */
export const RESEND_STATES = [
  'awaiting_approval',
  'sending',
  'sent',
  'failed',
  'rejected',
] as const;
export type ResendState = (typeof RESEND_STATES)[number];

/** A customer refund: recorded at once, or waiting for a second finance user (maker-checker). */
export const REFUND_STATES = ['awaiting_approval', 'approved', 'rejected'] as const;
export type RefundState = (typeof REFUND_STATES)[number];

/** Telling the merchant's system about a refund (the outbox). */
export const DELIVERY_STATES = ['pending', 'delivered', 'not_configured'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * How a linked order came to be: OneClick retried the original, or redirected it; or the desk
 * re-sent it with one of the offers OneClick suggested (lib/resends).
 */
export const LINK_KINDS = ['retry', 'follow', 'resend'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * Where an original's retries and follow-ups stand, for the refund decision: `open` while one
 * is unknown to us, in flight or UNKNOWN_ERROR; `served` once one is FULFILLED (the customer got
 * the top-up); `refunded` when every one ended REFUNDED. Null: the order has no linked orders.
 */
export const CHAIN_STATES = ['open', 'served', 'refunded'] as const;
export type ChainState = (typeof CHAIN_STATES)[number];

/** A list item that did not fit the contract: waiting for a person, or dealt with. */
export const QUARANTINE_STATES = ['open', 'resolved', 'dismissed'] as const;
export type QuarantineState = (typeof QUARANTINE_STATES)[number];

/** The API key as the upstream last judged it (shared by every instance, across restarts). */
export const CREDENTIALS_STATES = ['unconfirmed', 'ok', 'refused'] as const;
export type CredentialsState = (typeof CREDENTIALS_STATES)[number];

/**
 * What the desk watches and alerts on (lib/alerts/conditions.ts): each has a default threshold
 * an admin can change (alert_conditions).
 */
export const ALERT_CONDITIONS = [
  'runway',
  'unknown_backlog',
  'operator_failures',
  'sync_stalled',
  'credentials',
  'webhook_failing',
  'reconciliation',
  'ingest_waiting',
  'backup_failed',
] as const;
export type AlertCondition = (typeof ALERT_CONDITIONS)[number];

export const ALERT_STATES = ['open', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** An alert's history, and the in-app channel's feed (the bell). */
export const ALERT_EVENT_KINDS = ['opened', 'reminded', 'resolved', 'acknowledged'] as const;
export type AlertEventKind = (typeof ALERT_EVENT_KINDS)[number];

/** Where alerts and digests go besides the bell: email (SMTP_URL) and an incoming webhook. */
export const NOTICE_CHANNELS = ['email', 'webhook'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
