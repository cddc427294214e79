import 'server-only';
import { and, count, desc, eq, gte, like } from 'drizzle-orm';
import type { Db } from '../client';
import { appState, upstreamQuarantine } from '../schema';

// What on Sync health needs a person: items set aside and duties backing off.

export async function openQuarantine(db: Db, limit = 50) {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: upstreamQuarantine.id,
        topupId: upstreamQuarantine.topupId,
        raw: upstreamQuarantine.raw,
        error: upstreamQuarantine.error,
        source: upstreamQuarantine.source,
        firstSeenAt: upstreamQuarantine.firstSeenAt,
        lastSeenAt: upstreamQuarantine.lastSeenAt,
        seenCount: upstreamQuarantine.seenCount,
      })
      .from(upstreamQuarantine)
      .where(eq(upstreamQuarantine.state, 'open'))
      .orderBy(desc(upstreamQuarantine.lastSeenAt))
      .limit(limit),
    db.select({ n: count() }).from(upstreamQuarantine).where(eq(upstreamQuarantine.state, 'open')),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export type QuarantineRow = Awaited<ReturnType<typeof openQuarantine>>['rows'][number];

/** Duties backing off, from every worker that reported in the last hour (crashed ones age out). */
export async function backingOffDuties(db: Db, prefix: string, now: Date) {
  const rows = await db
    .select({ key: appState.key, value: appState.value })
    .from(appState)
    .where(
      and(
        like(appState.key, `${prefix}%`),
        gte(appState.updatedAt, new Date(now.getTime() - 3_600_000)),
      ),
    );
  return rows.flatMap(({ key, value }) =>
    Object.entries(
      (value ?? {}) as Record<string, { failures: number; error: string; retryAt: string }>,
    ).map(([duty, b]) => ({ worker: key.slice(prefix.length), duty, ...b })),
  );
}
