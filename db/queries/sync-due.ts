import { and, count, desc, gte, inArray, min, sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { TopupStatus } from '../enums';
import { topups } from '../schema';
import { claimDue } from './claim';

// What the status engine (lib/sync/engine.ts) asks of the orders it keeps fresh: the window a
// list poll covers, the orders due for a check-id (claimed with a lease through claim.ts), and
// how long orders take to settle (lib/sync/ttf.ts).

/** The oldest creation time and number of orders in `statuses` created since `since`. */
export async function inFlightWindow(
  db: Db,
  input: { statuses: readonly TopupStatus[]; since: Date },
) {
  const [window] = await db
    .select({ oldest: min(topups.upstreamCreatedAt), n: count() })
    .from(topups)
    .where(
      and(inArray(topups.status, [...input.statuses]), gte(topups.upstreamCreatedAt, input.since)),
    );
  return window;
}

/** The creation time of the order `offset` places behind the newest (undefined: fewer orders). */
export async function createdAtFromNewest(db: Db, offset: number) {
  const [edge] = await db
    .select({ at: topups.upstreamCreatedAt })
    .from(topups)
    .orderBy(desc(topups.upstreamCreatedAt))
    .offset(offset)
    .limit(1);
  return edge;
}

/** Claims up to `limit` orders whose next check is due, leased to `workerId` for `leaseMs`. */
export function claimDueChecks(
  db: Db,
  input: { now: Date; limit: number; workerId: string; leaseMs: number },
) {
  return claimDue(db, {
    table: topups,
    key: topups.id,
    dueAt: topups.nextCheckAt,
    now: input.now,
    limit: input.limit,
    lease: {
      holder: topups.claimedBy,
      until: topups.claimedUntil,
      workerId: input.workerId,
      ms: input.leaseMs,
    },
    returning: {
      id: topups.id,
      topupId: topups.topupId,
      consecutiveErrors: topups.consecutiveErrors,
    },
  });
}

export type DueCheck = Awaited<ReturnType<typeof claimDueChecks>>[number];

/** Gives claimed orders back before their lease runs out (their next check stays as it was). */
export async function releaseChecks(db: Db, ids: number[]) {
  await db
    .update(topups)
    .set({ claimedBy: null, claimedUntil: null })
    .where(inArray(topups.id, ids));
}

/** Gives back every order this worker holds (on shutdown). */
export async function releaseWorkerChecks(db: Db, workerId: string) {
  await db
    .update(topups)
    .set({ claimedBy: null, claimedUntil: null })
    .where(sql`${topups.claimedBy} = ${workerId}`);
}

/**
 * How many orders settled since `since` (finalized within 5 minutes of creation), and the
 * `quantiles` of their time to final in ms (null when none).
 */
export async function timeToFinalQuantiles(
  db: Db,
  input: { since: Date; quantiles: readonly number[] },
) {
  const result = await db.execute<{ n: number; q: number[] | null }>(sql`
    select count(*)::int as n,
           percentile_cont(${sql.raw(`array[${input.quantiles.join(',')}]`)}::float8[])
             within group (order by extract(epoch from finalized_at - upstream_created_at) * 1000) as q
    from topups
    where finalized_at >= ${input.since} and finalized_at - upstream_created_at < interval '5 minutes'`);
  return result.rows[0];
}
