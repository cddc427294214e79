import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ingestQueue } from '../../db/schema';
import { backoffDelay, POLICIES } from '../backoff';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError, type OneClickError } from '../oneclick/errors';
import { observe } from './observe';

// Registrations the shop sent (POST /api/v1/topups) while the upstream could not confirm
// them. Each call claims due rows — FOR UPDATE SKIP LOCKED, then a lease written into
// next_attempt_at, so no transaction stays open across upstream calls and a killed worker's
// rows simply come due again — confirms each with check-id and hands it to observe().

export type DrainOptions = {
  db: Db;
  client: Pick<OneClickClient, 'checkId'>;
  now: Date;
  workerId: string;
  limit?: number;
  /** How long a claim holds before another worker may take the row. */
  leaseMs?: number;
};

export type DrainReport = {
  claimed: number;
  /** Confirmed upstream, written to `topups` and removed from the queue. */
  registered: number;
  /** Failed this time; tried again later with backoff. */
  retried: number;
  /** Older than a day, or contradicted by the upstream: kept with `last_error` for admins. */
  gaveUp: number;
  /** Not tried: the upstream was down for an earlier row of the batch. */
  released: number;
};

export const RETRY_BASE_MS = POLICIES.ingest.baseMs;
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
/** "Never" as a date the column, drizzle and JavaScript all accept. */
export const GAVE_UP_AT = new Date('9999-12-31T00:00:00.000Z');
const UNAVAILABLE = new Set([
  'network',
  'timeout',
  'server',
  'rate_limited',
  'malformed',
  'credentials_rejected',
  'auth',
  'ip_blocked',
]);

type Claimed = {
  topup_id: string;
  ref: string | null;
  customer_ref: string | null;
  customer_price: string | null;
  attempts: number;
  received_at: Date;
  token_name: string | null;
};

export async function drainIngestQueue(opts: DrainOptions): Promise<DrainReport> {
  const { db, now } = opts;
  const rows = await claim(db, now, opts.limit ?? 25, opts.leaseMs ?? 120_000);
  const report: DrainReport = {
    claimed: rows.length,
    registered: 0,
    retried: 0,
    gaveUp: 0,
    released: 0,
  };
  for (const [index, row] of rows.entries()) {
    const outcome = await confirm(opts, row);
    if (outcome === 'registered') report.registered++;
    else if (outcome === 'gave_up') report.gaveUp++;
    else report.retried++;
    if (outcome === 'upstream_down') {
      // Every other row would wait out the same timeouts: hand them back untouched.
      const rest = rows.slice(index + 1).map((r) => r.topup_id);
      await release(db, rest, new Date(now.getTime() + RETRY_BASE_MS));
      report.released = rest.length;
      break;
    }
  }
  return report;
}

async function claim(db: Db, now: Date, limit: number, leaseMs: number) {
  const until = new Date(now.getTime() + leaseMs);
  const result = await db.execute<Claimed>(sql`
    with due as (
      select topup_id from ingest_queue
      where next_attempt_at <= ${now}
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    update ingest_queue q set next_attempt_at = ${until}
    from due where q.topup_id = due.topup_id
    returning q.topup_id, q.ref, q.customer_ref, q.customer_price, q.attempts, q.received_at,
      (select name from api_tokens t where t.id = q.token_id) as token_name`);
  return result.rows.map((r) => ({ ...r, received_at: new Date(r.received_at) }));
}

async function confirm(
  opts: DrainOptions,
  row: Claimed,
): Promise<'registered' | 'retry' | 'upstream_down' | 'gave_up'> {
  const { db, now } = opts;
  try {
    const answer = await opts.client.checkId(row.topup_id);
    const upstream = answer.data;
    if (upstream._id !== row.topup_id)
      throw new Error(`check-id ${row.topup_id} answered for ${upstream._id}`);
    if (row.ref !== null && upstream.ref !== row.ref) {
      await giveUp(
        db,
        row,
        `ref mismatch: the shop sent ${row.ref}, the upstream holds ${upstream.ref ?? 'no ref'}`,
      );
      return 'gave_up';
    }
    await observe(db, {
      topup: upstream,
      source: 'ingest',
      // The shop registered it; the worker only confirmed it later.
      actor: { name: `token:${row.token_name ?? 'unknown'} via worker:${opts.workerId}` },
      requestId: answer.requestId ?? null,
      now,
      customer: { customerRef: row.customer_ref, customerPrice: row.customer_price },
    });
    // observe() is idempotent, so delete after it. Only the values we applied: a repeat POST
    // that filled a field meanwhile keeps the row, and the next drain applies that too.
    await db
      .delete(ingestQueue)
      .where(
        and(
          eq(ingestQueue.topupId, row.topup_id),
          sql`${ingestQueue.customerRef} is not distinct from ${row.customer_ref}`,
          sql`${ingestQueue.customerPrice} is not distinct from ${row.customer_price}::numeric`,
        ),
      );
    return 'registered';
  } catch (error) {
    const e = isOneClickError(error) ? error : undefined;
    if (now.getTime() - row.received_at.getTime() >= GIVE_UP_AFTER_MS) {
      await giveUp(db, row, describeError(error));
      return 'gave_up';
    }
    await retryLater(
      db,
      row,
      describeError(error),
      new Date(now.getTime() + retryDelay(row.attempts, e)),
    );
    return e && UNAVAILABLE.has(e.kind) ? 'upstream_down' : 'retry';
  }
}

async function retryLater(db: Db, row: Claimed, message: string, at: Date) {
  await db
    .update(ingestQueue)
    .set({ attempts: row.attempts + 1, lastError: message, nextAttemptAt: at })
    .where(eq(ingestQueue.topupId, row.topup_id));
}

async function giveUp(db: Db, row: Claimed, message: string) {
  await db
    .update(ingestQueue)
    .set({
      attempts: row.attempts + 1,
      lastError: `gave up: ${message}`,
      nextAttemptAt: GAVE_UP_AT,
    })
    .where(eq(ingestQueue.topupId, row.topup_id));
}

async function release(db: Db, ids: string[], at: Date) {
  if (ids.length === 0) return;
  await db.update(ingestQueue).set({ nextAttemptAt: at }).where(inArray(ingestQueue.topupId, ids));
}

/** Up to 30 s doubling per attempt, at most an hour; a longer Retry-After wins. */
export function retryDelay(
  attempts: number,
  error?: OneClickError,
  random: () => number = Math.random,
) {
  return backoffDelay(attempts + 1, POLICIES.ingest, {
    random,
    retryAfterMs: error?.retryAfterMs,
  });
}

function describeError(error: unknown) {
  if (isOneClickError(error))
    return `${error.kind}${error.code ? ` (${error.code})` : ''}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
