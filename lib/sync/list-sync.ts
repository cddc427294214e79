import type { Db } from '../../db/client';
import { readState, tryLease, writeState } from '../../db/queries/app-state';
import type { OneClickClient } from '../oneclick/client';
import type { Engine } from './engine';

// Orders nobody registered with us still reach the desk: on first connect the whole upstream
// history is read page by page (resumable: the cursor lives in Postgres), then a window over
// the last ten minutes is read every minute, overlapping so nothing falls between windows.

/** Before OneClick's v3 API existed; the backfill window starts here. */
const HISTORY_START = new Date('2020-01-01T00:00:00Z');
export const BACKFILL_KEY = 'sync.backfill';
const PAGE_SIZE = 100;
const INCREMENTAL_WINDOW_MS = 10 * 60_000;

export type BackfillState = {
  status: 'running' | 'done';
  /** Fixed at the start, so the pages of [HISTORY_START, to] never shift under us. */
  to: string;
  nextPage: number;
  totalPages: number | null;
  totalResults: number | null;
  imported: number;
  /** Items set aside as not fitting the contract (older states lack it). */
  quarantined?: number;
  startedAt: string;
  finishedAt: string | null;
};

type Deps = { db: Db; client: OneClickClient; engine: Engine; now: () => number; workerId: string };

/** Reads one page of history. Returns the state after the step (null if another instance has it). */
export async function backfillStep(deps: Deps): Promise<BackfillState | null> {
  const now = new Date(deps.now());
  const state = (await readState<BackfillState>(deps.db, BACKFILL_KEY)) ?? {
    status: 'running',
    to: now.toISOString(),
    nextPage: 1,
    totalPages: null,
    totalResults: null,
    imported: 0,
    startedAt: now.toISOString(),
    finishedAt: null,
  };
  if (state.status === 'done') return state;
  if (!(await tryLease(deps.db, 'backfill', deps.workerId, now, 60_000, { renew: true })))
    return null;
  const res = await deps.client.list({
    page: state.nextPage,
    pageSize: PAGE_SIZE,
    from: HISTORY_START,
    to: new Date(state.to),
  });
  await deps.engine.observePage(res.data, res.requestId, null, 'backfill');
  const { totalPages, totalResults } = res.data.pagination;
  const next: BackfillState = {
    ...state,
    nextPage: state.nextPage + 1,
    totalPages,
    totalResults,
    imported: state.imported + res.data.items.length,
    quarantined: (state.quarantined ?? 0) + res.data.rejected.length,
  };
  if (next.nextPage > totalPages)
    Object.assign(next, { status: 'done', finishedAt: new Date(deps.now()).toISOString() });
  await writeState(deps.db, BACKFILL_KEY, next);
  return next;
}

/** The last ten minutes, all pages; at most once a minute across all instances. */
export async function incrementalSync(deps: Deps): Promise<number | null> {
  const now = new Date(deps.now());
  if (!(await tryLease(deps.db, 'incremental', deps.workerId, now, 60_000))) return null;
  const from = new Date(now.getTime() - INCREMENTAL_WINDOW_MS);
  const to = new Date(now.getTime() + 60_000);
  let seen = 0;
  for (let page = 1; ; page++) {
    const res = await deps.client.list({ page, pageSize: PAGE_SIZE, from, to });
    await deps.engine.observePage(res.data, res.requestId, null, 'incremental');
    seen += res.data.items.length + res.data.rejected.length;
    if (page >= res.data.pagination.totalPages) break;
  }
  return seen;
}
