import type { Db } from '../../db/client';
import { deleteState, writeState } from '../../db/queries/app-state';
import { backoffDelay, POLICIES } from '../backoff';
import type { Logger } from '../log';
import { isOneClickError } from '../oneclick/errors';

// When each background duty runs: at most every so often, and a duty that fails waits (full
// jitter, capped) before it runs again instead of hitting the same wall every tick. Sync
// health reads the backoffs each worker publishes in app_state.

/** A background duty that failed and waits before running again (one key per worker). */
export type DutyBackoff = { failures: number; error: string; retryAt: string };
export const DUTIES_PREFIX = 'sync.duties:';
export const dutiesKey = (workerId: string) => `${DUTIES_PREFIX}${workerId}`;

type DutiesOptions = {
  db: Db;
  workerId: string;
  now: () => number;
  log: Pick<Logger, 'warn'>;
  /** True once the worker is stopping: no duty starts after that (no new claims). */
  halted?: () => boolean;
};

export function createDuties({ db, workerId, now, log, halted }: DutiesOptions) {
  const last = new Map<string, number>();
  const backoffs = new Map<string, DutyBackoff>();

  /** True at most once every `ms` per name (the first call always). */
  function due(name: string, ms: number) {
    if (now() - (last.get(name) ?? 0) < ms) return false;
    last.set(name, now());
    return true;
  }

  async function publish() {
    await writeState(db, dutiesKey(workerId), Object.fromEntries(backoffs));
  }

  /** Runs `task` unless it is backing off; a failure is logged and backs it off. */
  async function attempt(name: string, task: () => Promise<unknown>) {
    if (halted?.()) return;
    const current = backoffs.get(name);
    if (current && now() < Date.parse(current.retryAt)) return;
    try {
      await task();
      if (current) {
        backoffs.delete(name);
        await publish();
      }
    } catch (error) {
      const failures = (current?.failures ?? 0) + 1;
      const retryAfterMs = isOneClickError(error) ? error.retryAfterMs : undefined;
      const wait = backoffDelay(failures, POLICIES.duty, { retryAfterMs });
      backoffs.set(name, {
        failures,
        error: describeError(error),
        retryAt: new Date(now() + wait).toISOString(),
      });
      log.warn(
        { err: error, duty: name, workerId, failures, waitMs: wait },
        `sync: ${name} failed`,
      );
      await publish().catch(() => {});
    }
  }

  return {
    due,
    run: attempt,
    /** Runs `task` at most every `ms`, unless it is backing off. */
    async every(name: string, ms: number, task: () => Promise<unknown>) {
      if (due(name, ms)) await attempt(name, task);
    },
    /** Forgets this worker's published backoffs (it is stopping). */
    clear: () => deleteState(db, dutiesKey(workerId)),
  };
}

function describeError(error: unknown) {
  if (isOneClickError(error)) return `${error.kind}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
