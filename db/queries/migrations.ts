import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/** Migrations the database has applied (drizzle's bookkeeping); 0 before the first. */
export async function appliedMigrationCount(db: Db): Promise<number> {
  // Two statements: a query naming a missing table fails when planned, whatever a CASE says.
  const found = await db.execute<{ ok: boolean }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!found.rows[0]?.ok) return 0;
  const res = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return res.rows[0]?.n ?? 0;
}
