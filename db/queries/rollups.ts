import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../client';
import { refundChanges, topupChanges } from '../schema';
import { claimDueQuery } from './claim';

// Keeps the hourly rollups equal to what a live GROUP BY over the raw rows says, at a cost that
// follows the changes rather than the tables. Triggers (drizzle/0017) log each changed row's
// counted facts as they were (sign -1) and as they are (+1) into topup_changes/refund_changes.
// A refresh claims log rows oldest first (another worker skips them) and adds what they
// contribute into the rollups in one statement; a row left at zero in every column is deleted,
// as a live GROUP BY has no row for an empty group. A rebuild runs the same statement over every
// row of the table, each with sign +1. What a row contributes is written once, below.

/** A rollup column: the sum over signed rows, how it adds to the stored value, when it is zero. */
type Column = { sum: SQL; add?: (stored: SQL, more: SQL) => SQL; isZero?: (stored: SQL) => SQL };
type Rollup = {
  table: string;
  /** The group's key columns. */
  key: Record<string, SQL>;
  columns: Record<string, Column>;
  /** Which rows count at all (all by default). */
  where?: SQL;
  /** What the sums read, when not `changes` itself (which holds the logged rows). */
  from?: SQL;
};

/** Each row adds `value` (1: a count) times its sign when `when` holds. */
const signed = (when: SQL, value: SQL = sql`1`): Column => ({
  sum: sql`coalesce(sum(sign * ${value}) filter (where ${when}), 0)`,
});
const count = (when: SQL) => signed(when);

const CREATED_HOUR = sql`date_trunc('hour', upstream_created_at, 'UTC')`;
const WENT_UNKNOWN = sql`unknown_error_at is not null`;
/** An UNKNOWN_ERROR order that settled, and the time it took (whole ms, rounded per order). */
const RESOLVED = sql`${WENT_UNKNOWN} and status in ('FULFILLED', 'REFUNDED') and finalized_at >= unknown_error_at`;
const RESOLVE_MS = sql`round(extract(epoch from finalized_at - unknown_error_at) * 1000)`;

/** Orders by creation hour, operator and plan (lib/reports/definitions.ts). */
const TOPUP_HOURLY: Rollup = {
  table: 'topup_hourly',
  key: { hour: CREATED_HOUR, operator: sql`operator`, plan_code: sql`plan_code` },
  columns: {
    orders: { sum: sql`sum(sign)` },
    pending: count(sql`status = 'PENDING'`),
    handling: count(sql`status = 'HANDLING'`),
    fulfilled: count(sql`status = 'FULFILLED'`),
    refunded: count(sql`status = 'REFUNDED'`),
    unknown: count(sql`status = 'UNKNOWN_ERROR'`),
    fulfilled_amount: signed(sql`status = 'FULFILLED'`, sql`topup_amount`),
    refunded_amount: signed(sql`status = 'REFUNDED'`, sql`topup_amount`),
    // An order with no balance figure adds nothing (sum skips nulls).
    charged_amount: signed(sql`status <> 'REFUNDED'`, sql`balance_amount`),
    passed_unknown: count(WENT_UNKNOWN),
    unknown_to_fulfilled: count(sql`${WENT_UNKNOWN} and status = 'FULFILLED'`),
    unknown_to_refunded: count(sql`${WENT_UNKNOWN} and status = 'REFUNDED'`),
    unknown_resolve_ms: signed(RESOLVED, RESOLVE_MS),
  },
};

/**
 * Time to final of the orders FULFILLED or REFUNDED with a final time, per creation hour, as a
 * histogram (ttf_bucket, drizzle/0010); one with a negative time (clock skew) is in no bucket.
 */
const TTF_HOURLY: Rollup = {
  table: 'ttf_hourly',
  key: { hour: sql`hour` },
  // Counted per (hour, bucket) first: a rebuild reads millions of orders into 4,320 hours.
  from: sql`(select ${CREATED_HOUR} as hour, ttf_bucket(extract(epoch from finalized_at - upstream_created_at) * 1000) as bucket,
      sum(sign)::int as n
    from changes where finalized_at is not null and status in ('FULFILLED', 'REFUNDED') group by 1, 2) per_bucket`,
  columns: {
    orders: { sum: sql`sum(n)` },
    buckets: {
      sum: sql`ttf_histogram(array_agg(bucket), array_agg(n))`,
      add: (stored, more) => sql`int_array_add(${stored}, ${more})`,
      isZero: (stored) => sql`0 = all(${stored})`,
    },
  },
};

/** Approved customer refunds per hour of their recording. */
const REFUND_HOURLY: Rollup = {
  table: 'refund_hourly',
  key: { hour: sql`date_trunc('hour', created_at, 'UTC')` },
  where: sql`state = 'approved'`,
  columns: { refunds: { sum: sql`sum(sign)` }, amount: { sum: sql`sum(sign * amount)` } },
};

/** A log, the table it logs and the rollups fed from it. */
type Source = { log: typeof topupChanges | typeof refundChanges; table: string; rollups: Rollup[] };
const TOPUPS: Source = { log: topupChanges, table: 'topups', rollups: [TOPUP_HOURLY, TTF_HOURLY] };
const REFUNDS: Source = { log: refundChanges, table: 'refunds', rollups: [REFUND_HOURLY] };

const ident = (name: string): SQL => sql`${sql.identifier(name)}`;
const list = (parts: SQL[]) => sql.join(parts, sql`, `);

/**
 * Adds the signed rows of `changes` into one rollup, groups in key order (two workers lock
 * shared rows in the same order); returns the keys of the rows it left at zero.
 */
function upsert(r: Rollup): SQL {
  const keys = Object.keys(r.key);
  const names = [...keys, ...Object.keys(r.columns)];
  const table = ident(r.table);
  const stored = (c: string) => sql`${table}.${ident(c)}`;
  const set = Object.entries(r.columns).map(([c, col]) => {
    const more = sql`excluded.${ident(c)}`;
    return sql`${ident(c)} = ${col.add ? col.add(stored(c), more) : sql`${stored(c)} + ${more}`}`;
  });
  const groupBy = list(keys.map((_, i) => sql.raw(String(i + 1))));
  return sql`insert into ${table} (${list(names.map(ident))})
    select ${list([...Object.values(r.key), ...Object.values(r.columns).map((c) => c.sum)])}
    from ${r.from ?? sql`changes`} ${r.where ? sql`where ${r.where}` : sql``}
    group by ${groupBy} order by ${groupBy}
    on conflict (${list(keys.map(ident))}) do update set ${list(set)}
    returning ${list(keys.map(ident))}, ${isEmpty(r)} as emptied`;
}

function isEmpty(r: Rollup, at?: string): SQL {
  const column = (c: string) => (at ? sql`${ident(at)}.${ident(c)}` : ident(c));
  return sql.join(
    Object.entries(r.columns).map(([c, col]) =>
      col.isZero ? col.isZero(column(c)) : sql`${column(c)} = 0`,
    ),
    sql` and `,
  );
}

type Added = { changes: number; emptied: unknown[][] };

/**
 * One statement: `changes` (a claim, or every row of the table), added into each rollup of the
 * source. Returns how many changes it read and, per rollup, the keys it left empty (JSON).
 */
async function addChanges(tx: Tx, src: Source, changes: SQL, inline: boolean): Promise<Added> {
  const parts = src.rollups.map((r, i) => sql`, ${ident(`r${i}`)} as (${upsert(r)})`);
  const emptied = src.rollups.map((_, i) => {
    const r = ident(`r${i}`);
    return sql`(select coalesce(jsonb_agg(${r}) filter (where emptied), '[]') from ${r})`;
  });
  const res = await tx.execute<{ changes: number; emptied: unknown[][] }>(sql`
    with changes as ${inline ? sql`not materialized` : sql``} (${changes}) ${sql.join(parts, sql``)}
    select ${inline ? sql`0` : sql`(select count(*) from changes)::int`} as changes,
      jsonb_build_array(${list(emptied)}) as emptied`);
  const row = res.rows[0] ?? { changes: 0, emptied: [] };
  for (const [i, r] of src.rollups.entries()) await deleteEmpty(tx, r, row.emptied[i] ?? []);
  return row;
}

/** Deletes the rows of `keys` still zero in every column (this transaction has them locked). */
async function deleteEmpty(tx: Tx, r: Rollup, keys: unknown[]): Promise<void> {
  if (keys.length === 0) return;
  const table = ident(r.table);
  const sameKey = Object.keys(r.key).map((k) => sql`${table}.${ident(k)} = k.${ident(k)}`);
  await tx.execute(sql`
    delete from ${table} using jsonb_populate_recordset(null::${table}, ${JSON.stringify(keys)}::jsonb) k
    where ${sql.join(sameKey, sql` and `)} and ${isEmpty(r, r.table)}`);
}

/** A log row without its id: the sign and the facts the triggers copy from a changed row. */
function signedFacts(src: Source) {
  const { id: _, ...columns } = getTableColumns(src.log);
  return columns;
}

/**
 * Claims up to `limit` logged changes of `topups` (or `refunds`), oldest first, and adds them
 * into their rollups; returns how many it took. Another worker skips them; the caller's
 * transaction holds them until it commits, and a rollback gives them back.
 */
export async function addLoggedChanges(
  tx: Tx,
  of: 'topups' | 'refunds',
  limit: number,
): Promise<number> {
  const src = of === 'topups' ? TOPUPS : REFUNDS;
  const claim = claimDueQuery(tx, {
    table: src.log as PgTable,
    key: src.log.id,
    orderBy: src.log.id,
    limit,
    lease: 'delete',
    returning: signedFacts(src),
  });
  return (await addChanges(tx, src, claim.getSQL(), false)).changes;
}

/**
 * Empties the rollups and the logs and adds every row of `topups` and `refunds` again. Writers
 * of those tables wait until it commits (their changes are then logged as usual). Needs the
 * owner's rights (TRUNCATE).
 */
export async function rebuildAll(tx: Tx): Promise<void> {
  // Locks in the order writers (table, then log) and refreshes (log, then rollup) take them.
  await tx.execute(sql`lock table topups, refunds in share mode`);
  await tx.execute(
    sql`truncate topup_changes, refund_changes, topup_hourly, ttf_hourly, refund_hourly`,
  );
  for (const src of [TOPUPS, REFUNDS]) {
    const { sign: _, ...facts } = signedFacts(src);
    const columns = Object.values(facts).map((c) => ident(c.name));
    const everyRow = sql`select 1 as sign, ${list(columns)} from ${ident(src.table)}`;
    await addChanges(tx, src, everyRow, true);
  }
}

/** How many logged changes wait to be added into the rollups. */
export async function pendingChanges(db: Db | Tx): Promise<number> {
  const res = await db.execute<{ n: number }>(
    sql`select (select count(*) from topup_changes) + (select count(*) from refund_changes) as n`,
  );
  return Number(res.rows[0]?.n ?? 0);
}
