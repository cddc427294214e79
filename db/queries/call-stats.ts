import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { upstreamCallStats } from '../schema';

// Upstream calls per minute and operation (upstream_call_stats), summed over every process.

/** One process's counts for one minute and operation, since its last flush. */
export type CallStatsDelta = {
  minute: Date;
  operation: string;
  calls: number;
  errors: number;
  totalMs: number;
};

/** Adds each delta to its minute's row (created at zero when it is the first). */
export async function addCallStats(db: Db | Tx, deltas: CallStatsDelta[]) {
  await db
    .insert(upstreamCallStats)
    .values(deltas)
    .onConflictDoUpdate({
      target: [upstreamCallStats.minute, upstreamCallStats.operation],
      set: {
        calls: sql`${upstreamCallStats.calls} + excluded.calls`,
        errors: sql`${upstreamCallStats.errors} + excluded.errors`,
        totalMs: sql`${upstreamCallStats.totalMs} + excluded.total_ms`,
      },
    });
}
