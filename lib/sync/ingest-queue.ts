import type { Db } from '../../db/client';
import {
  type ClaimedRegistration as Claimed,
  claimDueRegistrations,
  recordRegistrationFailure,
  releaseRegistrations,
  removeRegistered,
} from '../../db/queries/ingest-queue';
import { backoffDelay, POLICIES } from '../backoff';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError, type OneClickError } from '../oneclick/errors';
import { observe } from './observe';

// Registrations the shop sent (POST /api/v1/topups) while the upstream could not confirm
// them. Each call claims due rows (db/queries/claim.ts: FOR UPDATE SKIP LOCKED, then a lease
// written into next_attempt_at, so no transaction stays open across upstream calls and a killed
// worker's rows simply come due again), confirms each with check-id and hands it to observe().

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

export async function drainIngestQueue(opts: DrainOptions): Promise<DrainReport> {
  const { db, now } = opts;
  const rows = await claimDueRegistrations(db, {
    now,
    limit: opts.limit ?? 25,
    leaseMs: opts.leaseMs ?? 120_000,
  });
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
      const rest = rows.slice(index + 1).map((r) => r.topupId);
      await releaseRegistrations(db, rest, new Date(now.getTime() + RETRY_BASE_MS));
      report.released = rest.length;
      break;
    }
  }
  return report;
}

async function confirm(
  opts: DrainOptions,
  row: Claimed,
): Promise<'registered' | 'retry' | 'upstream_down' | 'gave_up'> {
  const { db, now } = opts;
  try {
    const answer = await opts.client.checkId(row.topupId);
    const upstream = answer.data;
    if (upstream._id !== row.topupId)
      throw new Error(`check-id ${row.topupId} answered for ${upstream._id}`);
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
      actor: { name: `token:${row.tokenName ?? 'unknown'} via worker:${opts.workerId}` },
      requestId: answer.requestId ?? null,
      now,
      customer: { customerRef: row.customerRef, customerPrice: row.customerPrice },
    });
    // observe() is idempotent, so delete after it (only the values we applied).
    await removeRegistered(db, row);
    return 'registered';
  } catch (error) {
    const e = isOneClickError(error) ? error : undefined;
    if (now.getTime() - row.receivedAt.getTime() >= GIVE_UP_AFTER_MS) {
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

function retryLater(db: Db, row: Claimed, message: string, at: Date) {
  return recordRegistrationFailure(db, {
    topupId: row.topupId,
    attempts: row.attempts + 1,
    lastError: message,
    nextAttemptAt: at,
  });
}

function giveUp(db: Db, row: Claimed, message: string) {
  return recordRegistrationFailure(db, {
    topupId: row.topupId,
    attempts: row.attempts + 1,
    lastError: `gave up: ${message}`,
    nextAttemptAt: GAVE_UP_AT,
  });
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
