import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { claimDue } from '../../db/queries/claim';
import { rollupDirty } from '../../db/schema';

// Keeps the hourly rollups true: every hour a trigger marked dirty is recomputed from the raw
// rows of that hour only, in one transaction with taking the mark. Recomputing (rather than
// adding deltas) makes the rollup exactly what a live GROUP BY would say, whatever happened.

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

/** Recomputes up to `limit` dirty hours of one kind; returns how many it took. */
async function refreshKind(db: Db, kind: 'topups' | 'refunds', limit: number): Promise<number> {
  return db.transaction(async (tx) => {
    // Take the marks (another worker skips them); a change committed after this re-marks.
    const taken = await claimDue(tx, {
      table: rollupDirty,
      key: [rollupDirty.kind, rollupDirty.hour],
      where: eq(rollupDirty.kind, kind),
      orderBy: rollupDirty.hour,
      limit,
      lease: 'delete',
      returning: { hour: rollupDirty.hour },
    });
    if (taken.length === 0) return 0;
    const hours = taken.map((t) => t.hour.toISOString());
    await tx.execute(sql`
      create temporary table claimed on commit drop as
      select unnest(${sql.param(hours)}::timestamptz[]) as hour`);
    if (kind === 'topups') {
      await tx.execute(sql`delete from topup_hourly where hour in (select hour from claimed)`);
      await tx.execute(sql`delete from ttf_hourly where hour in (select hour from claimed)`);
      await tx.execute(TOPUP_HOUR);
      await tx.execute(TTF_HOUR);
    } else {
      await tx.execute(sql`delete from refund_hourly where hour in (select hour from claimed)`);
      await tx.execute(REFUND_HOUR);
    }
    return taken.length;
  });
}

/** Brings the rollups up to date, at most `budget` hours per kind per call. */
export async function refreshRollups(
  db: Db,
  budget = 200,
): Promise<{ topupHours: number; refundHours: number }> {
  const topupHours = await refreshKind(db, 'topups', budget);
  const refundHours = await refreshKind(db, 'refunds', budget);
  return { topupHours, refundHours };
}
