import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/** Migrations the database has applied (drizzle's bookkeeping); 0 before the first. */
export async function appliedMigrationCount(db: Db): Promise<number> {
  const res = await db.execute<{ n: number }>(sql`
    select case when to_regclass('drizzle.__drizzle_migrations') is null then 0
      else (select count(*)::int from drizzle.__drizzle_migrations) end as n`);
  return res.rows[0]?.n ?? 0;
}
