import type { Db } from '../../db/client';
import { tryLease } from '../../db/queries/app-state';
import {
  claimDueChecks,
  type DueCheck,
  inFlightPages,
  releaseChecks,
  releaseWorkerChecks,
} from '../../db/queries/sync-due';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError, type OneClickError } from '../oneclick/errors';
import type { TopupPage, Topup as UpstreamTopup } from '../oneclick/schemas';
import { changedDetails, detailsOf } from './details';
import {
  type Actor,
  observe,
  observeFirstSeen,
  observeUnchanged,
  recordCheckError,
  type Stored,
  storedRows,
} from './observe';
import { type QuarantineSource, quarantine, resolveParsed } from './quarantine';
import {
  backoffAfterError,
  DEFAULT_TTF_CHECKPOINTS_MS,
  LIST_PAGE_ORDERS,
  listWindow,
  MAX_LIST_PAGES,
} from './schedule';
import { IN_FLIGHT_STATUSES, isFinal } from './transitions';
import { learnCheckpoints } from './ttf';

// The status engine. Each tick does two things:
//  1. While young orders are in flight, a `/mobile/list` poll over their creation window
//     (every `listIntervalMs`, shared by all instances through a lease) settles them together:
//     one page while few are in flight, as many as hold enough of them while many are.
//  2. Orders whose `next_check_at` is due — those the window no longer covers, stuck ones,
//     UNKNOWN_ERROR rechecks — are claimed with FOR UPDATE SKIP LOCKED and a lease
//     (db/queries/claim.ts), then checked one by one with check-id. A killed worker's leases
//     expire; nothing is lost.

export type EngineOptions = {
  db: Db;
  client: OneClickClient;
  now: () => number;
  workerId: string;
  listIntervalMs?: number;
  /** Orders younger than this are followed through list polls. */
  listHorizonMs?: number;
  batchSize?: number;
  leaseMs?: number;
  random?: () => number;
};

export type TickReport = {
  paused: boolean;
  listCalls: number;
  listObserved: number;
  checked: number;
  errors: number;
};

const NOT_FOUND_RETRY_MS = [3600_000, 6 * 3600_000];

export function createEngine(opts: EngineOptions) {
  const { db, client } = opts;
  const listIntervalMs = opts.listIntervalMs ?? 4_000;
  const listHorizonMs = opts.listHorizonMs ?? 120_000;
  const batchSize = opts.batchSize ?? 25;
  const leaseMs = opts.leaseMs ?? 30_000;
  const actor: Actor = { name: `worker:${opts.workerId}` };
  // A list poll that saw an order will see it again before this runs out.
  const listCoverMs = 2 * listIntervalMs + 1_000;
  let checkpoints: number[] = [...DEFAULT_TTF_CHECKPOINTS_MS];
  let checkpointsAt = Number.NEGATIVE_INFINITY;
  let listLeaseUntil = Number.NEGATIVE_INFINITY;
  const nowDate = () => new Date(opts.now());

  async function observeItems(
    items: UpstreamTopup[],
    requestId: string | undefined,
    cover: number | null,
  ) {
    const stored = await storedRows(
      db,
      items.map((i) => i._id),
    );
    const obs = { source: 'list-sync', actor, requestId } as const;
    // Orders we do not hold yet are written a page at a time (the backfill reads thousands);
    // any that another writer stored meanwhile come back `taken` and are observed one by one.
    const fresh = await observeFirstSeen(
      db,
      items.filter((i) => !stored.has(i._id)),
      { ...obs, now: nowDate(), listCoverMs: cover, checkpointsMs: checkpoints },
    );
    let observed = fresh.created;
    const taken = new Set(fresh.taken);
    const unchanged: Stored[] = [];
    for (const item of items) {
      const mine = stored.get(item._id);
      if (!mine && !taken.has(item)) continue;
      if (
        mine?.status === item.status &&
        changedDetails(mine, detailsOf(item, mine)).length === 0
      ) {
        // Settled or waiting on its own recheck schedule: nothing to write.
        if (isFinal(mine.status) || mine.status === 'UNKNOWN_ERROR') continue;
        // Still in flight as we hold it: only its next check moves, with the rest of the page.
        unchanged.push(mine);
        continue;
      }
      await observe(db, {
        ...obs,
        topup: item,
        now: nowDate(),
        listCoverMs: cover,
        checkpointsMs: checkpoints,
      });
      observed++;
    }
    await observeUnchanged(db, {
      rows: unchanged,
      now: nowDate(),
      listCoverMs: cover,
      checkpointsMs: checkpoints,
    });
    return observed + unchanged.length;
  }

  /** A list page: its good items observed, its bad ones quarantined, and the sync goes on. */
  async function observePage(
    page: Pick<TopupPage, 'items' | 'rejected'>,
    requestId: string | undefined,
    cover: number | null,
    source: QuarantineSource,
  ) {
    const now = nowDate();
    await quarantine(db, page.rejected, { source, requestId, now });
    const observed = await observeItems(page.items, requestId, cover);
    await resolveParsed(
      db,
      page.items.map((i) => i._id),
      now,
    );
    return observed;
  }

  /**
   * List calls over the creation window of our young in-flight orders: one page while few are
   * in flight, more while many are (lib/sync/schedule.ts, `listWindow`).
   */
  async function listPoll(now: Date) {
    const none = { calls: 0, observed: 0 };
    // This instance took the lease last: nobody, itself included, may poll before it runs out.
    if (now.getTime() < listLeaseUntil) return none;
    const window = listWindow(
      await inFlightPages(db, {
        statuses: IN_FLIGHT_STATUSES,
        since: new Date(now.getTime() - listHorizonMs),
        pageOrders: LIST_PAGE_ORDERS,
        maxPages: MAX_LIST_PAGES,
      }),
    );
    if (!window) return none;
    if (!(await tryLease(db, 'list-poll', opts.workerId, now, listIntervalMs))) return none;
    listLeaseUntil = now.getTime() + listIntervalMs;
    const params = {
      pageSize: 100,
      from: new Date(window.from.getTime() - 2_000),
      to: new Date(now.getTime() + 60_000),
    };
    const first = await client.list({ ...params, page: 1 });
    // The other pages are read together, while the first is applied: pages read close in time
    // shift less under new orders.
    const last = Math.min(first.data.pagination.totalPages, MAX_LIST_PAGES);
    const others = Promise.allSettled(
      Array.from({ length: Math.max(0, last - 1) }, (_, i) =>
        client.list({ ...params, page: i + 2 }),
      ),
    );
    let observed = await observePage(first.data, first.requestId, listCoverMs, 'list-poll');
    const rest = await others;
    for (const res of rest)
      if (res.status === 'fulfilled')
        observed += await observePage(
          res.value.data,
          res.value.requestId,
          listCoverMs,
          'list-poll',
        );
    // What was read is applied; a page that failed leaves its orders to their next check.
    const failed = rest.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    return { calls: 1 + rest.length, observed };
  }

  function claim(now: Date) {
    return claimDueChecks(db, { now, limit: batchSize, workerId: opts.workerId, leaseMs });
  }

  async function release(ids: number[]) {
    if (ids.length === 0) return;
    await releaseChecks(db, ids);
  }

  async function checkOne(order: DueCheck): Promise<'ok' | 'error' | 'paused'> {
    try {
      const res = await client.checkId(order.topupId);
      await observe(db, {
        topup: res.data,
        source: 'poll',
        actor,
        requestId: res.requestId,
        now: nowDate(),
        checkpointsMs: checkpoints,
      });
      return 'ok';
    } catch (error) {
      if (
        isOneClickError(error) &&
        ['credentials_rejected', 'auth', 'ip_blocked'].includes(error.kind)
      ) {
        await release([order.id]);
        return 'paused';
      }
      const now = nowDate();
      const failures = order.consecutiveErrors + 1;
      const e = isOneClickError(error) ? error : undefined;
      await recordCheckError(db, {
        topupPk: order.id,
        source: 'poll',
        actor,
        now,
        message: describeError(error),
        requestId: e?.requestId,
        payload: e
          ? { kind: e.kind, code: e.code, httpStatus: e.httpStatus, details: e.details }
          : null,
        nextCheckAt:
          e?.kind === 'not_found'
            ? notFoundRetry(now, failures)
            : backoffAfterError(failures, now, {
                retryAfterMs: e?.retryAfterMs,
                random: opts.random,
              }),
      });
      return 'error';
    }
  }

  async function checkDue(now: Date) {
    const claimed = await claim(now);
    const outcomes = await Promise.all(claimed.map(checkOne));
    return {
      checked: outcomes.filter((o) => o === 'ok').length,
      errors: outcomes.filter((o) => o === 'error').length,
    };
  }

  return {
    async tick(): Promise<TickReport> {
      const now = nowDate();
      const idle = { paused: true, listCalls: 0, listObserved: 0, checked: 0, errors: 0 };
      const standing = client.state();
      if (standing.credentialsRejected || standing.blockedUntil !== null) return idle;
      if (now.getTime() - checkpointsAt > 60_000) {
        checkpoints = await learnCheckpoints(db, now);
        checkpointsAt = now.getTime();
      }
      let list = { calls: 0, observed: 0 };
      let listErrors = 0;
      try {
        list = await listPoll(now);
      } catch (error) {
        // A failed list poll is not an order's fault: its orders fall back to check-id.
        listErrors = 1;
        if (isOneClickError(error) && ['credentials_rejected', 'ip_blocked'].includes(error.kind))
          return idle;
      }
      const due = await checkDue(now);
      return {
        paused: client.state().credentialsRejected,
        listCalls: list.calls,
        listObserved: list.observed,
        checked: due.checked,
        errors: due.errors + listErrors,
      };
    },
    observeItems,
    observePage,
    releaseAll: async () => {
      await releaseWorkerChecks(db, opts.workerId);
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;

function notFoundRetry(now: Date, failures: number): Date | null {
  const wait = NOT_FOUND_RETRY_MS[failures - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait);
}

function describeError(error: unknown): string {
  if (isOneClickError(error)) {
    const e = error as OneClickError;
    return `${e.kind}${e.code ? ` (${e.code})` : ''}: ${e.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
