import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';

// What the alert conditions read (lib/alerts/conditions.ts): each one small indexed query on
// our own rows, never an upstream call.

const first = <T>(rows: T[]): T | undefined => rows[0];
const asDate = (v: string | Date | null | undefined) => (v ? new Date(v) : null);

/** UNKNOWN_ERROR orders that got there before `before`: how many, and the oldest. */
export async function unknownOlderThan(db: Db | Tx, before: Date) {
  const res = await db.execute<{ n: number; oldest: string | null }>(sql`
    select count(*)::int as n, min(unknown_error_at) as oldest from topups
    where status = 'UNKNOWN_ERROR' and unknown_error_at < ${before}`);
  const row = first(res.rows);
  return { count: row?.n ?? 0, oldest: asDate(row?.oldest) };
}

export type OperatorWindow = { operator: string; settled: number; failed: number };

/**
 * Per operator, the orders created since `since` that settled, and how many of them failed
 * (REFUNDED or UNKNOWN_ERROR): the same denominator as the report rates.
 */
export async function operatorWindow(db: Db | Tx, since: Date): Promise<OperatorWindow[]> {
  const res = await db.execute<OperatorWindow>(sql`
    select operator,
      count(*) filter (where status in ('FULFILLED', 'REFUNDED', 'UNKNOWN_ERROR'))::int as settled,
      count(*) filter (where status in ('REFUNDED', 'UNKNOWN_ERROR'))::int as failed
    from topups where upstream_created_at >= ${since} group by operator order by operator`);
  return res.rows;
}

/** Settled and failed orders per operator in the rollup hours in [from, to) whose Algiers hour is `hour`. */
export async function operatorHourBaseline(
  db: Db | Tx,
  span: { from: Date; to: Date; hour: number; timeZone: string },
): Promise<OperatorWindow[]> {
  const res = await db.execute<OperatorWindow>(sql`
    select operator, coalesce(sum(fulfilled + refunded + unknown), 0)::int as settled,
      coalesce(sum(refunded + unknown), 0)::int as failed
    from topup_hourly
    where hour >= ${span.from} and hour < ${span.to}
      and extract(hour from hour at time zone ${span.timeZone})::int = ${span.hour}
    group by operator order by operator`);
  return res.rows;
}

/**
 * Merchant notices (refund webhooks) still not delivered, whose last attempt failed, failing
 * since before `before`: counted from the first failed attempt after the last one that got a
 * 2xx (a redelivery finance asked for starts a new count). Attempts carry the worker's clock.
 */
export async function failingDeliveries(db: Db | Tx, before: Date) {
  const res = await db.execute<{
    n: number;
    oldest: string | null;
    last_error: string | null;
  }>(sql`
    select count(*)::int as n, min(f.since) as oldest,
      (array_agg(d.last_error order by f.since))[1] as last_error
    from refund_deliveries d
    cross join lateral (
      select min(a.at) as since from refund_delivery_attempts a
      where a.refund_id = d.refund_id and a.error is not null
        and a.at > coalesce((
          select max(ok.at) from refund_delivery_attempts ok
          where ok.refund_id = d.refund_id and ok.error is null), '-infinity')
    ) f
    where d.state = 'pending' and d.attempts > 0 and d.last_error is not null
      and f.since < ${before}`);
  const row = first(res.rows);
  return {
    count: row?.n ?? 0,
    oldest: asDate(row?.oldest),
    lastError: row?.last_error ?? null,
  };
}

/** Ingest registrations (the shop's POSTed orders) still waiting since before `before`. */
export async function waitingRegistrations(db: Db | Tx, before: Date) {
  const res = await db.execute<{ n: number; oldest: string | null; last_error: string | null }>(sql`
    select count(*)::int as n, min(received_at) as oldest,
      (array_agg(last_error order by received_at))[1] as last_error
    from ingest_queue where received_at < ${before}`);
  const row = first(res.rows);
  return {
    count: row?.n ?? 0,
    oldest: asDate(row?.oldest),
    lastError: row?.last_error ?? null,
  };
}
