import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import type { TopupStatus } from '../enums';
import { topupEvents, topups } from '../schema';
import { insertFromJson } from './json-rows';

// The writes behind an order's status (lib/sync/observe.ts decides them, following
// lib/sync/transitions.ts): the row, its own times, its timeline events, and the slot of a
// person's live check.

/** A top-up row as first written. */
export type NewTopup = typeof topups.$inferInsert;
/** A timeline event as written. */
export type NewTopupEvent = typeof topupEvents.$inferInsert;

/** Locks the order with this upstream id for the transaction; what observe compares with. */
export async function lockByUpstreamId(tx: Tx, topupId: string) {
  const [row] = await tx
    .select({
      id: topups.id,
      status: topups.status,
      upstreamCreatedAt: topups.upstreamCreatedAt,
      unknownErrorAt: topups.unknownErrorAt,
      finalizedAt: topups.finalizedAt,
      refundMessage: topups.refundMessage,
      suggestedOffers: topups.suggestedOffers,
      balanceAmount: topups.balanceAmount,
      followOrderId: topups.followOrderId,
      retryOrderId: topups.retryOrderId,
      parentPk: topups.parentPk,
    })
    .from(topups)
    .where(eq(topups.topupId, topupId))
    .for('update');
  return row;
}

export type LockedTopup = NonNullable<Awaited<ReturnType<typeof lockByUpstreamId>>>;

/**
 * Writes an order seen for the first time; undefined when another transaction inserted the same
 * upstream id first.
 */
export async function insertFirstSeen(tx: Tx, values: NewTopup) {
  const [row] = await tx
    .insert(topups)
    .values(values)
    .onConflictDoNothing({ target: topups.topupId })
    .returning({ id: topups.id });
  return row;
}

/**
 * Writes orders seen for the first time in one statement; returns those written (an upstream
 * id another transaction inserted first is skipped, like `insertFirstSeen`).
 */
export async function insertFirstSeenMany(tx: Tx, values: NewTopup[]) {
  if (values.length === 0) return [];
  const { rows } = await tx.execute<{ id: string; topup_id: string }>(
    sql`${insertFromJson(topups, values)} on conflict (topup_id) do nothing returning id, topup_id`,
  );
  return rows.map((r) => ({ id: Number(r.id), topupId: r.topup_id }));
}

/** What an observation may change on an order beyond its check bookkeeping. */
export type ObservedChanges = Partial<
  Pick<
    NewTopup,
    | 'refundMessage'
    | 'suggestedOffers'
    | 'balanceAmount'
    | 'followOrderId'
    | 'retryOrderId'
    | 'status'
    | 'statusChangedAt'
    | 'unknownErrorAt'
    | 'finalizedAt'
    | 'needsReview'
    | 'customerRef'
    | 'customerPrice'
  >
>;

/**
 * Applies an answer to a locked order: the `changes` decided, and a successful check (count,
 * next check, errors cleared, lease released).
 */
export async function applyObservation(
  tx: Tx,
  input: {
    topupPk: number;
    changes: ObservedChanges;
    now: Date;
    nextCheckAt: Date | null;
    stuck: boolean;
  },
) {
  await tx
    .update(topups)
    .set({
      ...input.changes,
      lastCheckedAt: input.now,
      nextCheckAt: input.nextCheckAt,
      stuck: input.stuck,
      checkCount: sql`${topups.checkCount} + 1`,
      consecutiveErrors: 0,
      lastError: null,
      claimedBy: null,
      claimedUntil: null,
      updatedAt: input.now,
    })
    .where(eq(topups.id, input.topupPk));
}

/**
 * What `applyObservation` writes for answers that changed nothing (the check counted, the next
 * check as given, errors cleared, lease released), for many orders in one statement. A row
 * whose status is no longer `status` was moved by another writer since it was read: left alone.
 */
export async function applyUnchanged(
  db: Db,
  input: {
    now: Date;
    rows: readonly { id: number; status: TopupStatus; nextCheckAt: Date | null; stuck: boolean }[];
  },
) {
  const { now, rows } = input;
  if (rows.length === 0) return;
  await db.execute(sql`
    update ${topups} set
      last_checked_at = ${now}, next_check_at = v.next_check_at, stuck = v.stuck,
      check_count = ${topups.checkCount} + 1, consecutive_errors = 0, last_error = null,
      claimed_by = null, claimed_until = null, updated_at = ${now}
    from unnest(
      ${sql.param(rows.map((r) => r.id))}::bigint[],
      ${sql.param(rows.map((r) => r.status))}::topup_status[],
      ${sql.param(rows.map((r) => r.nextCheckAt?.toISOString() ?? null))}::timestamptz[],
      ${sql.param(rows.map((r) => r.stuck))}::boolean[]
    ) as v(id, status, next_check_at, stuck)
    where ${topups.id} = v.id and ${topups.status} = v.status`);
}

/**
 * A check whose answer could not be used: the error counted and kept, the next check as given,
 * the lease released; the status is left alone.
 */
export async function recordCheckFailure(
  tx: Tx,
  input: { topupPk: number; now: Date; message: string; nextCheckAt: Date | null },
) {
  await tx
    .update(topups)
    .set({
      lastCheckedAt: input.now,
      lastError: input.message,
      lastErrorAt: input.now,
      consecutiveErrors: sql`${topups.consecutiveErrors} + 1`,
      nextCheckAt: input.nextCheckAt,
      claimedBy: null,
      claimedUntil: null,
      updatedAt: input.now,
    })
    .where(eq(topups.id, input.topupPk));
}

/** Appends an event to an order's timeline; returns its id. */
export async function insertTopupEvent(db: Db | Tx, values: NewTopupEvent) {
  const [row] = await db.insert(topupEvents).values(values).returning({ id: topupEvents.id });
  return row?.id;
}

/** Appends events to several orders' timelines in one statement. */
export async function insertTopupEvents(tx: Tx, values: NewTopupEvent[]) {
  if (values.length === 0) return;
  await tx.execute(insertFromJson(topupEvents, values));
}

/** The latest event of an order's timeline: its kind and the status it reported. */
export async function lastEventOf(tx: Tx, topupPk: number) {
  const [last] = await tx
    .select({ kind: topupEvents.kind, to: topupEvents.toStatus })
    .from(topupEvents)
    .where(eq(topupEvents.topupPk, topupPk))
    .orderBy(desc(topupEvents.id))
    .limit(1);
  return last;
}

/** Status and details we hold for these upstream ids (list items compared before observing). */
export function storedStatuses(db: Db, topupIds: string[]) {
  return db
    .select({
      topupId: topups.topupId,
      id: topups.id,
      status: topups.status,
      upstreamCreatedAt: topups.upstreamCreatedAt,
      unknownErrorAt: topups.unknownErrorAt,
      refundMessage: topups.refundMessage,
      suggestedOffers: topups.suggestedOffers,
      balanceAmount: topups.balanceAmount,
      followOrderId: topups.followOrderId,
      retryOrderId: topups.retryOrderId,
    })
    .from(topups)
    .where(inArray(topups.topupId, topupIds));
}

/**
 * Takes the order's live-check slot when its last one was before `earliest`; returns what the
 * check needs, or undefined when the slot is taken (or there is no such order).
 */
export async function claimManualCheck(
  db: Db,
  input: { topupPk: number; now: Date; earliest: Date },
) {
  // Claiming the slot and checking it is one statement, so two clicks cannot both pass.
  const [claimed] = await db
    .update(topups)
    .set({ lastManualCheckAt: input.now })
    .where(
      and(
        eq(topups.id, input.topupPk),
        or(isNull(topups.lastManualCheckAt), lt(topups.lastManualCheckAt, input.earliest)),
      ),
    )
    .returning({ topupId: topups.topupId, nextCheckAt: topups.nextCheckAt });
  return claimed;
}

/** When the order's last live check was (row undefined: no such order). */
export async function lastManualCheckOf(db: Db, topupPk: number) {
  const [row] = await db
    .select({ at: topups.lastManualCheckAt })
    .from(topups)
    .where(eq(topups.id, topupPk));
  return row;
}
