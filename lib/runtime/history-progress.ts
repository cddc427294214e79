import type { Db } from '../../db/client';
import { readState } from '../../db/queries/app-state';
import { BACKFILL_KEY, type BackfillState } from '../sync/list-sync';

// What `npm start` prints while the worker imports the upstream history through the list
// backfill (lib/sync/list-sync.ts). The launcher only reads the backfill's state in Postgres,
// the same row Sync health shows; the import itself is the worker's.

const int = (n: number) => n.toLocaleString('en-US');

/** "history: 12,000 / 30,412 orders imported (39%)" */
export function progressLine(state: Pick<BackfillState, 'imported' | 'totalResults'>) {
  const total = state.totalResults;
  if (!total) return `history: ${int(state.imported)} orders imported`;
  const percent = Math.floor((Math.min(state.imported, total) / total) * 100);
  return `history: ${int(state.imported)} / ${int(total)} orders imported (${percent}%)`;
}

/** "history: 30,412 orders in Postgres in 41.2 s" (seconds since the launcher started) */
export function doneLine(state: Pick<BackfillState, 'imported'>, sinceLaunchMs: number) {
  return `history: ${int(state.imported)} orders in Postgres in ${(sinceLaunchMs / 1000).toFixed(1)} s`;
}

type WatchOptions = {
  db: Db;
  say: (line: string) => void;
  /** Milliseconds since launch (performance.now() in the launcher). */
  sinceLaunch: () => number;
  /** When the launcher started: a backfill finished before then is not news. */
  launchedAt: Date;
  pollMs?: number;
  printEveryMs?: number;
};

/**
 * Prints the backfill's progress every few seconds and its end once, then stops. A backfill
 * already done before this start prints nothing. Returns a stop function.
 */
export function watchBackfill(opts: WatchOptions) {
  const pollMs = opts.pollMs ?? 250;
  const printEveryMs = opts.printEveryMs ?? 3_000;
  let stopped = false;
  let printedAt = Number.NEGATIVE_INFINITY;
  let lastImported = -1;
  const done = (async () => {
    while (!stopped) {
      const state = await readState<BackfillState>(opts.db, BACKFILL_KEY).catch(() => null);
      if (state?.status === 'done') {
        const finished = state.finishedAt ? Date.parse(state.finishedAt) : 0;
        // Timed at the commit of the last page, not at this poll.
        const sinceLaunch = opts.sinceLaunch() - Math.max(0, Date.now() - finished);
        if (finished >= opts.launchedAt.getTime()) opts.say(doneLine(state, sinceLaunch));
        return;
      }
      const now = opts.sinceLaunch();
      if (state && state.imported !== lastImported && now - printedAt >= printEveryMs) {
        opts.say(progressLine(state));
        printedAt = now;
        lastImported = state.imported;
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  })();
  return async () => {
    stopped = true;
    await done;
  };
}
