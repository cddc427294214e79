import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import type { ChainState, LinkKind } from '../enums';
import { topups } from '../schema';

// The reads and writes behind linked orders (lib/sync/chain.ts walks and judges the chain): an
// order's `parent_pk` and `link_kind`, the original's `chain_state`.

const memberColumns = {
  id: topups.id,
  topupId: topups.topupId,
  status: topups.status,
  linkKind: topups.linkKind,
  parentPk: topups.parentPk,
  retryOrderId: topups.retryOrderId,
  followOrderId: topups.followOrderId,
  resendOrderId: topups.resendOrderId,
};

/** The order this one is a retry or follow-up of (row undefined: no such order). */
export async function parentOf(db: Db | Tx, topupPk: number) {
  const [row] = await db
    .select({ parentPk: topups.parentPk })
    .from(topups)
    .where(eq(topups.id, topupPk));
  return row;
}

/** One order as a chain member, with the linked ids it names. */
export async function chainMember(db: Db | Tx, topupPk: number) {
  const [row] = await db.select(memberColumns).from(topups).where(eq(topups.id, topupPk));
  return row;
}

export type ChainMemberRow = NonNullable<Awaited<ReturnType<typeof chainMember>>>;

/** The orders we hold under these upstream ids, as chain members. */
export function chainMembersByUpstreamIds(
  db: Db | Tx,
  topupIds: string[],
): Promise<ChainMemberRow[]> {
  return db.select(memberColumns).from(topups).where(inArray(topups.topupId, topupIds));
}

/** An order naming this upstream id as its retry, follow-up or re-send, and how it names it. */
export async function orderNaming(
  tx: Tx,
  topupId: string,
): Promise<{ id: number; kind: LinkKind } | undefined> {
  const [parent] = await tx
    .select({
      id: topups.id,
      retryOrderId: topups.retryOrderId,
      followOrderId: topups.followOrderId,
    })
    .from(topups)
    .where(
      or(
        eq(topups.retryOrderId, topupId),
        eq(topups.followOrderId, topupId),
        eq(topups.resendOrderId, topupId),
      ),
    )
    .limit(1);
  if (!parent) return undefined;
  const kind =
    parent.retryOrderId === topupId
      ? 'retry'
      : parent.followOrderId === topupId
        ? 'follow'
        : 'resend';
  return { id: parent.id, kind };
}

/** Which of these upstream ids some order names as its retry, follow-up or re-send. */
export async function namedAsLinked(tx: Tx, topupIds: string[]): Promise<Set<string>> {
  if (topupIds.length === 0) return new Set();
  const rows = await tx
    .select({
      retry: topups.retryOrderId,
      follow: topups.followOrderId,
      resend: topups.resendOrderId,
    })
    .from(topups)
    .where(
      or(
        inArray(topups.retryOrderId, topupIds),
        inArray(topups.followOrderId, topupIds),
        inArray(topups.resendOrderId, topupIds),
      ),
    );
  const wanted = new Set(topupIds);
  return new Set(
    rows
      .flatMap((r) => [r.retry, r.follow, r.resend])
      .filter((id): id is string => !!id && wanted.has(id)),
  );
}

/**
 * Ties an order (by our key or by its upstream id) to its original, unless it already has one:
 * the first link found wins, so re-reading an order never moves it to another chain.
 */
export async function tieToParent(
  tx: Tx,
  input: { child: { topupPk: number } | { topupId: string }; parentPk: number; linkKind: LinkKind },
) {
  const child =
    'topupPk' in input.child
      ? eq(topups.id, input.child.topupPk)
      : eq(topups.topupId, input.child.topupId);
  await tx
    .update(topups)
    .set({ parentPk: input.parentPk, linkKind: input.linkKind })
    .where(and(child, isNull(topups.parentPk)));
}

/** An original's chain state as stored, and whether its customer was refunded. */
export async function chainStateRow(tx: Tx, rootPk: number) {
  const [row] = await tx
    .select({ chainState: topups.chainState, refundedAt: topups.refundedAt })
    .from(topups)
    .where(eq(topups.id, rootPk));
  return row;
}

/** Stores an original's chain state, flagging it for finance when `needsReview`. */
export async function setChainState(
  tx: Tx,
  input: { rootPk: number; state: ChainState | null; needsReview: boolean; now: Date },
) {
  await tx
    .update(topups)
    .set({
      chainState: input.state,
      ...(input.needsReview ? { needsReview: true } : {}),
      updatedAt: input.now,
    })
    .where(eq(topups.id, input.rootPk));
}

/** Linked ids some order names that we do not hold yet (to fetch with check-id). */
export async function missingLinkedIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    select l.id from (
      select retry_order_id as id from topups where retry_order_id is not null
      union
      select follow_order_id from topups where follow_order_id is not null
      union
      select resend_order_id from topups where resend_order_id is not null
    ) l
    where not exists (select 1 from topups t where t.topup_id = l.id)
    limit ${limit}`);
  return rows.rows.map((r) => r.id);
}

/**
 * Held orders another order names (as its retry, follow-up or re-send) that are not tied to it
 * yet: two writers can each miss the other (the named order inserted by a list poll while the
 * naming was being written). Read from the few naming rows, never the whole table.
 */
export async function namedButUntied(
  db: Db,
  limit: number,
): Promise<{ id: number; parentPk: number; kind: LinkKind }[]> {
  const rows = await db.execute<{ id: string; parent_pk: string; kind: LinkKind }>(sql`
    select t.id, l.parent_pk, l.kind from (
      select id as parent_pk, retry_order_id as named, 'retry' as kind from topups where retry_order_id is not null
      union all
      select id, follow_order_id, 'follow' from topups where follow_order_id is not null
      union all
      select id, resend_order_id, 'resend' from topups where resend_order_id is not null
    ) l
    join topups t on t.topup_id = l.named
    where t.parent_pk is null and t.id <> l.parent_pk
    limit ${limit}`);
  return rows.rows.map((r) => ({ id: Number(r.id), parentPk: Number(r.parent_pk), kind: r.kind }));
}
