import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { TopupStatus } from '../enums';
import { topups } from '../schema';
import { claimDue } from './claim';

// What the status engine (lib/sync/engine.ts) asks of the orders it keeps fresh: the window a
// list poll covers, the orders due for a check-id (claimed with a lease through claim.ts), and
// how long orders take to settle (lib/sync/ttf.ts).

/**
 * Our newest orders created since `since` (at most `pageOrders × maxPages`), cut into pages of
 * `pageOrders` newest first: per page, how many are in `statuses` and the oldest creation time
 * among those. Pages with none in `statuses` are left out.
 */
export async function inFlightPages(
  db: Db,
  input: {
    statuses: readonly TopupStatus[];
    since: Date;
    pageOrders: number;
    maxPages: number;
  },
) {
  const statuses = sql.join(
    input.statuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = await db.execute<{ page: number; in_flight: number; oldest_ms: number }>(sql`
    with newest as (
      select ${topups.id} as id, ${topups.upstreamCreatedAt} as created,
             ${topups.status} in (${statuses}) as in_flight
      from ${topups}
      where ${topups.upstreamCreatedAt} >= ${input.since}
      order by ${topups.upstreamCreatedAt} desc, ${topups.id} desc
      limit ${input.pageOrders * input.maxPages}),
    paged as (
      select created, in_flight,
             (row_number() over (order by created desc, id desc) - 1) / ${input.pageOrders} as page
      from newest)
    select page::int as page, count(*)::int as in_flight,
           (extract(epoch from min(created)) * 1000)::float8 as oldest_ms
    from paged where in_flight group by page order by page`);
  return result.rows.map((r) => ({
    page: r.page,
    inFlight: r.in_flight,
    oldestInFlight: new Date(r.oldest_ms),
  }));
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
