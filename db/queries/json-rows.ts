import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

// Many rows in one parameter. Drizzle's multi-row `values()` binds a parameter per cell: a page
// of 100 orders is 2,700 parameters and ~10 ms of CPU to build, as much again for pg to send,
// and the list backfill writes hundreds of pages on a first start. Here the rows travel as one
// JSON document that Postgres unpacks with jsonb_to_recordset, typed by the table's own columns.

/**
 * `insert into <table> (columns) select … from jsonb_to_recordset($1)`. Every row must set the
 * same columns (those of the first row); the table's other columns take their defaults.
 * Append `on conflict …` / `returning …` as needed.
 */
export function insertFromJson<T extends PgTable>(
  table: T,
  rows: readonly T['$inferInsert'][],
): SQL {
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const used = Object.keys(rows[0] ?? {}).flatMap((key) => {
    const column = all[key];
    return column ? [{ key, column, json: column.getSQLType() === 'jsonb' }] : [];
  });
  const doc = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const { key, column, json } of used) {
      const value = (row as Record<string, unknown>)[key];
      // jsonb goes into the document as it is; every other value as its driver form.
      out[column.name] = value == null ? null : json ? value : column.mapToDriverValue(value);
    }
    return out;
  });
  const names = sql.join(
    used.map(({ column }) => sql.identifier(column.name)),
    sql`, `,
  );
  const types = sql.join(
    used.map(({ column }) => sql`${sql.identifier(column.name)} ${sql.raw(column.getSQLType())}`),
    sql`, `,
  );
  return sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${JSON.stringify(doc)}::jsonb) as r(${types})`;
}
