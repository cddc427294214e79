import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { rollupDirty } from '../schema';
import { claimDue } from './claim';

// Keeps the hourly rollups true: every hour a trigger marked dirty is recomputed from the raw
// rows of that hour only, in one transaction with taking the mark (the caller's). Recomputing
// (rather than adding deltas) makes the rollup exactly what a live GROUP BY would say, whatever
// happened. The statements after the claim work on the hours staged in the temporary table
// `claimed` (stageClaimedHours), which goes with the transaction.

/** Which rollups a dirty mark is for: the top-up ones (counts and times to final) or refunds. */
export type RollupKind = 'topups' | 'refunds';

const TOPUP_HOUR = sql`
  insert into topup_hourly (hour, operator, plan_code, orders, pending, handling, fulfilled, refunded, unknown,
    fulfilled_amount, refunded_amount, charged_amount, passed_unknown, unknown_to_fulfilled, unknown_to_refunded,
    unknown_resolve_ms)
  select d.hour, t.operator, t.plan_code,
    count(*),
    count(*) filter (where t.status = 'PENDING'),
    count(*) filter (where t.status = 'HANDLING'),
    count(*) filter (where t.status = 'FULFILLED'),
    count(*) filter (where t.status = 'REFUNDED'),
    count(*) filter (where t.status = 'UNKNOWN_ERROR'),
    coalesce(sum(t.topup_amount) filter (where t.status = 'FULFILLED'), 0),
    coalesce(sum(t.topup_amount) filter (where t.status = 'REFUNDED'), 0),
    coalesce(sum(t.balance_amount) filter (where t.status <> 'REFUNDED'), 0),
    count(*) filter (where t.unknown_error_at is not null),
    count(*) filter (where t.unknown_error_at is not null and t.status = 'FULFILLED'),
    count(*) filter (where t.unknown_error_at is not null and t.status = 'REFUNDED'),
    coalesce(sum(extract(epoch from t.finalized_at - t.unknown_error_at) * 1000)
      filter (where t.unknown_error_at is not null and t.status in ('FULFILLED', 'REFUNDED') and t.finalized_at >= t.unknown_error_at), 0)::bigint
  from claimed d
  join topups t on t.upstream_created_at >= d.hour and t.upstream_created_at < d.hour + interval '1 hour'
  group by d.hour, t.operator, t.plan_code`;

const TTF_HOUR = sql`
  insert into ttf_hourly (hour, buckets)
  select d.hour, ttf_histogram(array_agg(ttf_bucket(extract(epoch from t.finalized_at - t.upstream_created_at) * 1000)))
  from claimed d
  join topups t on t.upstream_created_at >= d.hour and t.upstream_created_at < d.hour + interval '1 hour'
    and t.finalized_at is not null and t.status in ('FULFILLED', 'REFUNDED')
  group by d.hour`;

const REFUND_HOUR = sql`
  insert into refund_hourly (hour, refunds, amount)
  select d.hour, count(*), sum(r.amount)
  from claimed d
  join refunds r on r.created_at >= d.hour and r.created_at < d.hour + interval '1 hour' and r.state = 'approved'
  group by d.hour`;

/**
 * Takes up to `limit` dirty marks of one kind, oldest hour first, and returns their hours.
 * Another worker skips them; a change committed after this re-marks.
 */
export async function claimDirtyHours(
  db: Db | Tx,
  kind: RollupKind,
  limit: number,
): Promise<Date[]> {
  const taken = await claimDue(db, {
    table: rollupDirty,
    key: [rollupDirty.kind, rollupDirty.hour],
    where: eq(rollupDirty.kind, kind),
    orderBy: rollupDirty.hour,
    limit,
    lease: 'delete',
    returning: { hour: rollupDirty.hour },
  });
  return taken.map((t) => t.hour);
}

/** Stages the claimed hours as the temporary table `claimed`, dropped at commit. */
export async function stageClaimedHours(tx: Tx, hours: readonly Date[]): Promise<void> {
  await tx.execute(sql`
    create temporary table claimed on commit drop as
    select unnest(${sql.param(hours.map((h) => h.toISOString()))}::timestamptz[]) as hour`);
}

/** Recomputes the top-up counts and the time-to-final histograms of the staged hours. */
export async function recomputeTopupHours(tx: Tx): Promise<void> {
  await tx.execute(sql`delete from topup_hourly where hour in (select hour from claimed)`);
  await tx.execute(sql`delete from ttf_hourly where hour in (select hour from claimed)`);
  await tx.execute(TOPUP_HOUR);
  await tx.execute(TTF_HOUR);
}

/** Recomputes the approved customer refunds of the staged hours. */
export async function recomputeRefundHours(tx: Tx): Promise<void> {
  await tx.execute(sql`delete from refund_hourly where hour in (select hour from claimed)`);
  await tx.execute(REFUND_HOUR);
}
