import type { Db } from '../../db/client';
import { orderNextCheckAt } from '../../db/queries/refunds';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError } from '../oneclick/errors';
import { readChain } from '../sync/chain';
import { observe } from '../sync/observe';
import { CHAIN_CHANGED, chainOf, type LockedChain, sameChain } from './lock';
import { chainRefusal, type Refusal, refusalFor } from './policy';

// What OneClick says now, before money moves or a top-up is sent again: the order's live status
// (check-id), and every linked order's. Shared by refunds (./service.ts) and re-sends
// (lib/resends); the answers are applied through the normal status rules on the way.

export type LiveDeps = {
  client: Pick<OneClickClient, 'checkId'>;
  now: () => Date;
  /** How the caller shows a time in a refusal ("re-checks at 14:05"). */
  formatTime: (at: Date) => string;
  /** The desk's request id, kept on timeline events when OneClick's answer has none. */
  requestId?: string | null;
};

export type LiveActor = { userId: string | null; label: string };

export type Live =
  | { ok: true }
  | { refusal: Refusal; audit: 'denied' | 'error'; liveStatus?: string };

/**
 * Asks OneClick now about every retry and follow-up of the original (held or only named), and
 * refuses while one served the customer or may still serve them.
 */
export async function confirmChain(
  deps: LiveDeps,
  db: Db,
  rootPk: number,
  actor: LiveActor,
): Promise<{ ok: true; linked: number } | Exclude<Live, { ok: true }>> {
  const before = await readChain(db, rootPk);
  const ids = [
    ...(before?.linked.map((m) => m.topupId) ?? []),
    ...(before?.missing.map((m) => m.topupId) ?? []),
  ];
  for (const id of ids) {
    const live = await confirmLive(deps, db, id, actor, { judge: false });
    if ('refusal' in live) return live;
  }
  const chain = await readChain(db, rootPk);
  if (chain?.missing.length)
    // OneClick names an order it could not show us: undecided, never refundable on a guess.
    return {
      refusal: {
        reason: 'refund.refusedLinkedInFlight',
        params: {
          id: chain.missing[0]?.topupId ?? '?',
          kind: chain.missing[0]?.kind ?? 'retry',
          status: '?',
        },
      },
      audit: 'denied',
    };
  const linked = chain?.linked ?? [];
  const refusal = chainRefusal(
    linked.map((m) => ({ topupId: m.topupId, status: m.status, kind: m.linkKind })),
  );
  return refusal ? { refusal, audit: 'denied' } : { ok: true, linked: linked.length };
}

/** Asks OneClick now and applies its answer through the normal status rules. */
export async function confirmLive(
  deps: LiveDeps,
  db: Db,
  topupId: string,
  actor: LiveActor,
  opts: { judge?: boolean } = {},
): Promise<Live> {
  let answer: Awaited<ReturnType<LiveDeps['client']['checkId']>>;
  try {
    answer = await deps.client.checkId(topupId);
  } catch (error) {
    const kind = isOneClickError(error) ? error.kind : 'network';
    return {
      refusal: { reason: 'refund.upstreamUnavailable', params: { reason: kind } },
      audit: 'error',
    };
  }
  const observed = await observe(db, {
    topup: answer.data,
    source: 'manual',
    actor: { userId: actor.userId, name: actor.label },
    requestId: answer.requestId ?? deps.requestId,
    now: deps.now(),
    // No 'checked' row: the attempt's audit row records it. The timeline gets an event only
    // when the answer changed something (a status, a detail, an anomaly).
  });
  if (opts.judge === false) return { ok: true };
  const nextCheckAt = await orderNextCheckAt(db, observed.topupPk);
  // The live answer decides, not what our row says after the rules (a regression is never
  // applied to the row, but it must still stop the money).
  const liveStatus = answer.data.status;
  const refusal = refusalFor(liveStatus, {
    nextCheckAt: nextCheckAt ? deps.formatTime(nextCheckAt) : null,
  });
  return refusal ? { refusal, audit: 'denied', liveStatus } : { ok: true };
}

/**
 * OneClick's word now, before money moves or a top-up is sent again: the original (check-id),
 * then every linked order. The answers may link an order the lock did not hold: CHAIN_CHANGED
 * then, and the caller runs again with the whole chain locked.
 */
export async function confirmOrderAndChain(
  deps: LiveDeps,
  db: Db,
  actor: LiveActor,
  at: { topupId: string; root: number; locked: LockedChain; requested: number },
): Promise<{ ok: true; linked: number } | Exclude<Live, { ok: true }> | typeof CHAIN_CHANGED> {
  const live = await confirmLive(deps, db, at.topupId, actor);
  const chain = 'refusal' in live ? live : await confirmChain(deps, db, at.root, actor);
  if (!sameChain(at.locked, await chainOf(db, at.requested))) return CHAIN_CHANGED;
  return chain;
}
