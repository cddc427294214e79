import type { Db, Tx } from '../../db/client';
import type { ChainState, LinkKind, TopupStatus } from '../../db/enums';
import {
  chainMember,
  chainMembersByUpstreamIds,
  chainStateRow,
  orderNaming,
  parentOf,
  setChainState,
  tieToParent,
} from '../../db/queries/chain';
import { resendPending } from '../../db/queries/resends';
import { insertTopupEvent } from '../../db/queries/topup-status';

// OneClick may retry a top-up (`retry_orderid`) or redirect it to a follow-up order
// (`follow_orderid`); the desk may re-send it with an offer OneClick suggested
// (`resend_order_id`, lib/resends). The original and its linked orders form a chain; the
// customer paid once, so the chain is refunded once, on its original, and only when no linked
// order served them. Each order keeps `parent_pk` (linked both ways); the original keeps
// `chain_state`.

/** Chains longer than this are not followed further (the upstream documents one level). */
const MAX_DEPTH = 10;

export type ChainMember = {
  id: number;
  topupId: string;
  status: TopupStatus;
  linkKind: LinkKind | null;
  parentPk: number | null;
};

/** A linked id the original names that we do not hold yet. */
export type MissingLink = { topupId: string; kind: LinkKind; from: number };

export type Chain = {
  root: ChainMember;
  /** The root's retries and follow-ups, and theirs, nearest first. */
  linked: ChainMember[];
  missing: MissingLink[];
  /** A re-send of the original is waiting for approval or being sent: it may serve them. */
  resendPending: boolean;
};

/** The original an order belongs to (itself when it is no one's retry or follow-up). */
export async function rootOf(db: Db | Tx, topupPk: number): Promise<number> {
  let id = topupPk;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const row = await parentOf(db, id);
    if (!row?.parentPk) return id;
    id = row.parentPk;
  }
  return id;
}

/** The whole chain of an original, as we hold it. */
export async function readChain(db: Db | Tx, rootPk: number): Promise<Chain | null> {
  const root = await chainMember(db, rootPk);
  if (!root) return null;
  const linked: ChainMember[] = [];
  const missing: MissingLink[] = [];
  let level = [root];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const named = level.flatMap((m) => [
      ...(m.retryOrderId ? [{ topupId: m.retryOrderId, kind: 'retry' as const, from: m.id }] : []),
      ...(m.followOrderId
        ? [{ topupId: m.followOrderId, kind: 'follow' as const, from: m.id }]
        : []),
      ...(m.resendOrderId
        ? [{ topupId: m.resendOrderId, kind: 'resend' as const, from: m.id }]
        : []),
    ]);
    if (named.length === 0) break;
    const found = await chainMembersByUpstreamIds(
      db,
      named.map((n) => n.topupId),
    );
    const held = new Set(found.map((f) => f.topupId));
    missing.push(...named.filter((n) => !held.has(n.topupId)));
    const fresh = found.filter((f) => f.id !== root.id && !linked.some((l) => l.id === f.id));
    linked.push(...fresh);
    level = fresh;
  }
  return { root, linked, missing, resendPending: await resendPending(db, root.id) };
}

/** Where the linked orders of an original stand (null: it has none). */
export function chainStateOf(
  chain: Pick<Chain, 'linked' | 'missing'> & Partial<Pick<Chain, 'resendPending'>>,
): ChainState | null {
  if (chain.linked.some((m) => m.status === 'FULFILLED')) return 'served';
  if (chain.resendPending) return 'open';
  if (chain.linked.length === 0 && chain.missing.length === 0) return null;
  if (chain.missing.length > 0 || chain.linked.some((m) => m.status !== 'REFUNDED')) return 'open';
  return 'refunded';
}

/**
 * After an order was written: ties it to its original and its own linked orders (both ways),
 * and recomputes the original's chain state. A chain that turns out served after the customer
 * was refunded is flagged for finance: they were paid twice.
 */
export async function relink(
  tx: Tx,
  order: { id: number; topupId: string; retryOrderId: string | null; followOrderId: string | null },
  now: Date,
) {
  const links = [
    ...(order.retryOrderId ? [{ id: order.retryOrderId, kind: 'retry' as const }] : []),
    ...(order.followOrderId ? [{ id: order.followOrderId, kind: 'follow' as const }] : []),
  ];
  for (const link of links)
    await tieToParent(tx, {
      child: { topupId: link.id },
      parentPk: order.id,
      linkKind: link.kind,
    });
  const parent = await orderNaming(tx, order.topupId);
  if (parent)
    await tieToParent(tx, {
      child: { topupPk: order.id },
      parentPk: parent.id,
      linkKind: parent.kind,
    });
  if (links.length === 0 && !parent) return;
  await refreshChainState(tx, await rootOf(tx, order.id), now);
}

export async function refreshChainState(tx: Tx, rootPk: number, now: Date) {
  const chain = await readChain(tx, rootPk);
  if (!chain) return;
  const state = chainStateOf(chain);
  const before = await chainStateRow(tx, rootPk);
  if (!before || before.chainState === state) return;
  const servedAfterRefund = state === 'served' && before.refundedAt !== null;
  await setChainState(tx, { rootPk, state, needsReview: servedAfterRefund, now });
  if (servedAfterRefund) {
    const served = chain.linked.find((m) => m.status === 'FULFILLED');
    await insertTopupEvent(tx, {
      topupPk: rootPk,
      kind: 'anomaly',
      source: 'system',
      actor: 'system',
      message: `The customer was refunded, but linked order ${served?.topupId ?? '?'} was FULFILLED: they may have been paid twice.`,
      createdAt: now,
    });
  }
}

/** Ties an order to the one that names it, and recomputes its chain (one transaction). */
export async function tieNamed(
  db: Db,
  link: { id: number; parentPk: number; kind: LinkKind },
  now: Date,
) {
  await db.transaction(async (tx) => {
    await tieToParent(tx, {
      child: { topupPk: link.id },
      parentPk: link.parentPk,
      linkKind: link.kind,
    });
    await refreshChainState(tx, await rootOf(tx, link.parentPk), now);
  });
}
