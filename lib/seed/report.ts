import type pg from 'pg';

// What the seed prints at the end: the status-tab counters next to a real count, and sizes.

export type Buckets = Record<string, number>;

/** The trigger-kept counters (topup_counts), without empty buckets. */
export async function counterTotals(pool: pg.Pool): Promise<Buckets> {
  const { rows } = await pool.query<{ bucket: string; n: string }>(
    'select bucket, n from topup_counts where n <> 0 order by bucket',
  );
  return Object.fromEntries(rows.map((r) => [r.bucket, Number(r.n)]));
}

/** The same buckets counted from the rows: one full scan of topups. */
export async function realTotals(pool: pg.Pool): Promise<Buckets> {
  const { rows } = await pool.query<{ status: string; n: string; due: string }>(`
    select status::text as status, count(*) as n,
      count(*) filter (where status = 'REFUNDED' and refunded_at is null) as due
    from topups group by 1 order by 1`);
  const totals: Buckets = {};
  for (const r of rows) totals[r.status] = Number(r.n);
  const due = rows.reduce((sum, r) => sum + Number(r.due), 0);
  if (due > 0) totals.refund_due = due;
  return Object.fromEntries(Object.entries(totals).sort(([a], [b]) => a.localeCompare(b)));
}

export const SEEDED_TABLES = ['topups', 'topup_events', 'refunds'] as const;

/**
 * Sets the visibility map and hint bits once, now, and refreshes the planner's statistics:
 * the desk's queries and benchmarks then see a settled table, as a long-running database
 * would, instead of paying for the bulk load on their first reads.
 */
export async function vacuumAnalyze(pool: pg.Pool) {
  await pool.query(`vacuum (analyze) ${SEEDED_TABLES.join(', ')}, topup_counts`);
}

export async function tableSizes(pool: pg.Pool) {
  const { rows } = await pool.query<{ table: string; total: string; rows: string }>(
    `select t as table, pg_total_relation_size(t::regclass) as total,
       greatest(c.reltuples, 0)::bigint as rows
     from unnest($1::text[]) t join pg_class c on c.oid = t::regclass`,
    [[...SEEDED_TABLES]],
  );
  return rows.map((r) => ({ table: r.table, bytes: Number(r.total), rows: Number(r.rows) }));
}
