import type { Db } from '../../db/client';
import { writeState } from '../../db/queries/app-state';
import { addCallStats } from '../../db/queries/call-stats';
import type { CallInfo } from '../oneclick/request';
import { LAST_SUCCESS_KEY } from './worker-state';

// Upstream calls counted per minute and operation in memory, flushed to Postgres every few
// seconds so the health panel sees the calls of every process (web and workers).

type Bucket = { calls: number; errors: number; totalMs: number };

export function createCallMetrics() {
  let buckets = new Map<string, Bucket>();
  let lastSuccessAt: Date | null = null;
  let reported: Date | null = null;

  return {
    record(info: CallInfo, at = new Date()) {
      const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000).toISOString();
      const key = `${minute}|${info.operation}`;
      const bucket = buckets.get(key) ?? { calls: 0, errors: 0, totalMs: 0 };
      bucket.calls += 1;
      bucket.totalMs += Math.round(info.durationMs);
      if (info.errorKind) bucket.errors += 1;
      else lastSuccessAt = at;
      buckets.set(key, bucket);
    },
    async flush(db: Db) {
      if (buckets.size === 0) return;
      const pending = buckets;
      buckets = new Map();
      const rows = [...pending].map(([key, b]) => {
        const [minute = '', operation = ''] = key.split('|');
        return { minute: new Date(minute), operation, ...b };
      });
      await addCallStats(db, rows);
    },
    lastSuccessAt: () => lastSuccessAt,
    /**
     * The counts, and the last successful call when it changed (LAST_SUCCESS_KEY: Sync health
     * and the "sync stalled" alert read it), saved for every process to see.
     */
    async publish(db: Db) {
      await this.flush(db);
      const last = lastSuccessAt;
      if (last && last !== reported) {
        await writeState(db, LAST_SUCCESS_KEY, last.toISOString());
        reported = last;
      }
    },
  };
}

export type CallMetrics = ReturnType<typeof createCallMetrics>;
