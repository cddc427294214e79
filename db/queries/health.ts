import 'server-only';
import { and, count, desc, eq, gte, inArray, lte, min, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { ingestQueue, topups, upstreamCallStats } from '../schema';

/** The sync health panel's figures, each one small indexed query. */
export async function syncHealth(db: Db, now: Date) {
  const since = new Date(now.getTime() - 15 * 60_000);
  const [inFlight, stuck, due, unknown, queue, minutes] = await Promise.all([
    db
      .select({ n: count() })
      .from(topups)
      .where(inArray(topups.status, ['PENDING', 'HANDLING'])),
    db
      .select({ n: count() })
      .from(topups)
      .where(and(eq(topups.stuck, true), inArray(topups.status, ['PENDING', 'HANDLING']))),
    db
      .select({ n: count(), oldest: min(topups.nextCheckAt) })
      .from(topups)
      .where(lte(topups.nextCheckAt, now)),
    db
      .select({ n: count(), oldest: min(topups.unknownErrorAt) })
      .from(topups)
      .where(eq(topups.status, 'UNKNOWN_ERROR')),
    db.select({ n: count() }).from(ingestQueue),
    db
      .select({
        minute: upstreamCallStats.minute,
        calls: sql<number>`sum(${upstreamCallStats.calls})::int`,
        errors: sql<number>`sum(${upstreamCallStats.errors})::int`,
        totalMs: sql<number>`sum(${upstreamCallStats.totalMs})::bigint`,
      })
      .from(upstreamCallStats)
      .where(gte(upstreamCallStats.minute, since))
      .groupBy(upstreamCallStats.minute)
      .orderBy(desc(upstreamCallStats.minute)),
  ]);
  return {
    inFlight: inFlight[0]?.n ?? 0,
    stuck: stuck[0]?.n ?? 0,
    due: due[0]?.n ?? 0,
    oldestDue: due[0]?.oldest ?? null,
    unknown: unknown[0]?.n ?? 0,
    oldestUnknown: unknown[0]?.oldest ?? null,
    ingestQueue: queue[0]?.n ?? 0,
    minutes: minutes.map((m) => ({
      ...m,
      avgMs: m.calls ? Math.round(Number(m.totalMs) / m.calls) : 0,
    })),
  };
}
