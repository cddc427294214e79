import { count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { alerts } from '../schema';

/** Alerts open now (the metrics endpoint, the shell). */
export async function countOpenAlerts(db: Db | Tx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(alerts).where(eq(alerts.state, 'open'));
  return row?.n ?? 0;
}
