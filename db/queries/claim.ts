import {
  and,
  eq,
  getTableColumns,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import type { PgColumn, PgTable, SelectedFieldsFlat } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Db, Tx } from '../client';

// Every piece of background work is a row of its own table. A worker claims the rows that are
// due with FOR UPDATE SKIP LOCKED (two workers never take the same row, and neither waits for
// the other) and marks them in the same statement, so no transaction stays open while the work
// calls the network. The mark is a lease: a worker killed mid-batch loses nothing, its rows come
// due again when the lease runs out.

/** How a claimed row is kept from the next claimer. */
export type Lease =
  /** Who holds the row and until when; a row whose lease ran out is due again. */
  | { holder: PgColumn; until: PgColumn; workerId: string; ms: number }
  /** The due time itself moves `postponeMs` ahead: unfinished work simply comes due again. */
  | { postponeMs: number };

export type Claim<F extends SelectedFieldsFlat> = {
  table: PgTable;
  /** The row's key: one column, or all columns of a composite key. */
  key: PgColumn | PgColumn[];
  /** What else a due row must be. */
  where?: SQL;
  /** The order rows are taken in (the due time's by default). */
  orderBy?: PgColumn | SQL;
  limit: number;
  returning: F;
} & (
  | { dueAt: PgColumn; now: Date; lease: Lease }
  /**
   * No due time and no lease: the rows are deleted in the caller's transaction, whose row locks
   * hold them until it commits; a rollback or a crash gives them back.
   */
  | { dueAt?: undefined; now?: undefined; lease: 'delete' }
);

/** Claims up to `limit` due rows nobody else holds; returns `returning` of each. */
export async function claimDue<F extends SelectedFieldsFlat>(
  db: Db | Tx,
  claim: Claim<F>,
): Promise<SelectResultFields<F>[]> {
  return await claimDueQuery(db, claim);
}

/**
 * The claiming statement of `claimDue`, not yet run: to run later, or to use inside another
 * statement (`with claimed as (…)`) so the claimed rows never travel to Node and back.
 */
export function claimDueQuery<F extends SelectedFieldsFlat>(
  db: Db | Tx,
  claim: Claim<F>,
): SQLWrapper & PromiseLike<SelectResultFields<F>[]> {
  const { table, lease } = claim;
  const keys = Array.isArray(claim.key) ? claim.key : [claim.key];
  const free =
    lease !== 'delete' && 'holder' in lease
      ? or(isNull(lease.until), lt(lease.until, claim.now))
      : undefined;
  const order = claim.orderBy ?? claim.dueAt;
  const keyFields = Object.fromEntries(keys.map((column, i) => [`k${i}`, column]));
  const due = db
    .select(keyFields)
    .from(table)
    .where(and(claim.dueAt && lte(claim.dueAt, claim.now), claim.where, free))
    .orderBy(...(order ? [order] : []))
    .limit(claim.limit)
    .for('update', { skipLocked: true });

  if (lease === 'delete') {
    const picked = sql`(${sql.join(keys, sql`, `)}) in ${due}`;
    return db.delete(table).where(picked).returning(claim.returning) as never;
  }
  const at = (ms: number) => new Date(claim.now.getTime() + ms);
  const set =
    'holder' in lease
      ? {
          [property(table, lease.holder)]: lease.workerId,
          [property(table, lease.until)]: at(lease.ms),
        }
      : { [property(table, claim.dueAt)]: at(lease.postponeMs) };
  // The locked rows as a CTE joined once, as hand-written claimers do.
  const locked = db.$with('due').as(due);
  const lockedKeys = locked as unknown as Record<string, PgColumn>;
  return db
    .with(locked)
    .update(table)
    .set(set)
    .from(locked)
    .where(and(...keys.map((column, i) => eq(column, lockedKeys[`k${i}`]))))
    .returning(claim.returning) as never;
}

/** The TypeScript name of a table's column (what `set` takes). */
function property(table: PgTable, column: PgColumn): string {
  const found = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
  if (!found) throw new Error(`${column.name} is not a column of this table`);
  return found[0];
}
