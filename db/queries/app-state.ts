import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { appState } from '../schema';

// Small shared state in Postgres (app_state): what every instance must agree on.

export async function readState<T>(db: Db | Tx, key: string): Promise<T | null> {
  const [row] = await db
    .select({ value: appState.value })
    .from(appState)
    .where(eq(appState.key, key));
  return (row?.value as T | undefined) ?? null;
}

export async function writeState(db: Db | Tx, key: string, value: unknown, now = new Date()) {
  await db
    .insert(appState)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: appState.key, set: { value, updatedAt: now } });
}

export async function deleteState(db: Db | Tx, key: string) {
  await db.delete(appState).where(eq(appState.key, key));
}

/**
 * Takes a named lease for `ms` if nobody holds it (or theirs ran out): one instance runs the
 * list poll or the backfill step at a time, and a crashed holder's lease simply expires.
 * Without `renew`, even the holder must wait for its own lease to run out (a rate gate).
 */
export async function tryLease(
  db: Db,
  name: string,
  holder: string,
  now: Date,
  ms: number,
  opts: { renew?: boolean } = {},
): Promise<boolean> {
  const key = `lease:${name}`;
  const until = new Date(now.getTime() + ms).toISOString();
  const value = { holder, until };
  const rows = await db.execute<{ key: string }>(sql`
    insert into app_state (key, value, updated_at) values (${key}, ${JSON.stringify(value)}::jsonb, ${now})
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at
    where (app_state.value->>'until')::timestamptz <= ${now}
       or (${opts.renew ?? false} and app_state.value->>'holder' = ${holder})
    returning key`);
  return rows.rows.length > 0;
}

/** Gives up every lease `holder` holds (a worker that stops), so another takes over at once. */
export async function releaseLeases(db: Db, holder: string) {
  await db.execute(
    sql`delete from app_state where key like 'lease:%' and value->>'holder' = ${holder}`,
  );
}
