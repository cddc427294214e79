import type { Db, Tx } from '../../db/client';
import type { AlertCondition } from '../../db/enums';
import {
  failingDeliveries,
  operatorHourBaseline,
  operatorWindow,
  unknownOlderThan,
  waitingRegistrations,
} from '../../db/queries/alert-findings';
import { readState } from '../../db/queries/app-state';
import { bucketCount } from '../../db/queries/counts';
import { recordedByDay, refundedByDay } from '../../db/queries/reconcile';
import { BACKUP_STATE_KEY, type BackupStatus } from '../backup/state';
import { dayRows } from '../reconcile/summary';
import { balanceRunway } from '../reports/landing';
import { readStanding } from '../sync/credentials';
import { LAST_SUCCESS_KEY } from '../sync/worker-state';
import {
  addDays,
  algiersDate,
  DESK_TIME_ZONE,
  daySpan,
  dayStart,
  HOUR_MS,
  hourOfDay,
} from '../time/algiers';
import type { Thresholds } from './thresholds';

// What each alert condition looks at, from our own rows only: the worker already keeps them
// current (balance, last upstream answer, statuses, outboxes), so watching costs no upstream
// call. A condition returns what holds now, one finding per thing it is about; an alert opens
// for a finding's key and resolves when a later look no longer finds it.

/** Figures kept with the alert and put in its messages (JSON: numbers, strings, ISO times). */
export type Facts = Record<string, string | number | null>;
export type Finding = { key: string; condition: AlertCondition; facts: Facts };

/**
 * A look that cannot tell yet (an evaluator that has not watched long enough, a question asked
 * at the wrong hour): its condition's open alerts stay as they are, neither renewed nor cleared.
 */
export class CannotTell extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CannotTell';
  }
}

export type ConditionContext = {
  db: Db | Tx;
  now: Date;
  /** The configured API key's fingerprint (lib/sync/credentials.ts), null on no key. */
  keyFingerprint: string | null;
  /** When this evaluator started: "no answer for 2 minutes" needs 2 minutes of watching. */
  startedAt: Date;
};

type Check<C extends AlertCondition> = (
  ctx: ConditionContext,
  t: Thresholds[C],
) => Promise<Facts | null>;
type MultiCheck<C extends AlertCondition> = (
  ctx: ConditionContext,
  t: Thresholds[C],
) => Promise<Finding[]>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const minutesAgo = (ctx: ConditionContext, minutes: number) =>
  new Date(ctx.now.getTime() - minutes * 60_000);
/** One decimal, for figures shown to people (money stays a decimal string). */
const round1 = (n: number) => Math.round(n * 10) / 10;
const percent = (n: number) => Math.round(n * 1000) / 10;

const runway: Check<'runway'> = async (ctx, t) => {
  const { balance, runwayHours } = await balanceRunway(ctx.db, ctx.now);
  if (!balance || runwayHours === null || runwayHours >= t.hours) return null;
  return {
    hours: round1(runwayHours),
    threshold: t.hours,
    balance: balance.balance,
    balanceAt: balance.at,
  };
};

const unknownBacklog: Check<'unknown_backlog'> = async (ctx, t) => {
  const { count, oldest } = await unknownOlderThan(
    ctx.db,
    new Date(ctx.now.getTime() - t.hours * HOUR_MS),
  );
  if (count === 0) return null;
  return { count, oldest: iso(oldest), threshold: t.hours };
};

const operatorFailures: MultiCheck<'operator_failures'> = async (ctx, t) => {
  const today = algiersDate(ctx.now);
  const [window, baseline] = await Promise.all([
    operatorWindow(ctx.db, minutesAgo(ctx, t.windowMinutes)),
    operatorHourBaseline(ctx.db, {
      from: dayStart(addDays(today, -7)),
      to: dayStart(today),
      hour: hourOfDay(ctx.now),
      timeZone: DESK_TIME_ZONE,
    }),
  ]);
  const base = new Map(baseline.map((b) => [b.operator, b]));
  const findings: Finding[] = [];
  for (const w of window) {
    if (w.settled < t.minOrders || w.failed === 0) continue;
    const b = base.get(w.operator);
    const baseRate = b && b.settled > 0 ? b.failed / b.settled : 0;
    const rate = w.failed / w.settled;
    if (rate < t.factor * Math.max(baseRate, t.floorRate)) continue;
    findings.push({
      key: `operator_failures:${w.operator}`,
      condition: 'operator_failures',
      facts: {
        operator: w.operator,
        failed: w.failed,
        settled: w.settled,
        ratePercent: percent(rate),
        baselinePercent: percent(baseRate),
        factor: t.factor,
        windowMinutes: t.windowMinutes,
      },
    });
  }
  return findings;
};

const syncStalled: Check<'sync_stalled'> = async (ctx, t) => {
  const since = minutesAgo(ctx, t.minutes);
  if (ctx.startedAt > since) throw new CannotTell(`watching for less than ${t.minutes} min`);
  const [last, inFlight] = await Promise.all([
    readState<string>(ctx.db, LAST_SUCCESS_KEY),
    // The exact per-status counters the desk keeps (db/queries/counts.ts), not a count(*).
    Promise.all([bucketCount(ctx.db, 'PENDING'), bucketCount(ctx.db, 'HANDLING')]).then(
      ([pending, handling]) => pending + handling,
    ),
  ]);
  const lastAt = last ? new Date(last) : null;
  if (inFlight === 0 || (lastAt && lastAt >= since)) return null;
  return { lastSuccess: iso(lastAt), inFlight, threshold: t.minutes };
};

const credentials: Check<'credentials'> = async (ctx): Promise<Facts | null> => {
  if (!ctx.keyFingerprint) return null;
  const standing = await readStanding(ctx.db as Db, ctx.keyFingerprint, ctx.now);
  if (standing.blockedUntil)
    return { problem: 'ip_blocked', until: iso(standing.blockedUntil), error: standing.lastError };
  if (standing.state === 'refused')
    return { problem: 'key_refused', since: iso(standing.refusedAt), error: standing.lastError };
  return null;
};

const webhookFailing: Check<'webhook_failing'> = async (ctx, t) => {
  const failing = await failingDeliveries(ctx.db, minutesAgo(ctx, t.minutes));
  if (failing.count === 0) return null;
  return {
    count: failing.count,
    oldest: iso(failing.oldest),
    lastError: failing.lastError,
    threshold: t.minutes,
  };
};

/**
 * Yesterday's refunds, once the morning has begun: just after midnight, yesterday's last
 * refunds are ordinary work for finance, not a finding.
 */
export const RECONCILE_FROM_HOUR = 8;

const reconciliation: Check<'reconciliation'> = async (ctx) => {
  if (hourOfDay(ctx.now) < RECONCILE_FROM_HOUR)
    throw new CannotTell('yesterday is reconciled from 08:00');
  const day = addDays(algiersDate(ctx.now), -1);
  const { from, to } = daySpan(day);
  const db = ctx.db as Db;
  const [refunded, recorded] = await Promise.all([
    refundedByDay(db, from, to, DESK_TIME_ZONE),
    recordedByDay(db, from, to, DESK_TIME_ZONE),
  ]);
  const [row] = dayRows(day, day, refunded, recorded);
  if (!row || (row.missing.count === 0 && row.extra.count === 0)) return null;
  return {
    day,
    missing: row.missing.count,
    missingAmount: row.missing.amount,
    extra: row.extra.count,
    extraAmount: row.extra.amount,
  };
};

const ingestWaiting: Check<'ingest_waiting'> = async (ctx, t) => {
  const waiting = await waitingRegistrations(ctx.db, minutesAgo(ctx, t.minutes));
  if (waiting.count === 0) return null;
  return {
    count: waiting.count,
    oldest: iso(waiting.oldest),
    lastError: waiting.lastError,
    threshold: t.minutes,
  };
};

const backupFailed: Check<'backup_failed'> = async (ctx, t) => {
  const last = await readState<BackupStatus>(ctx.db, BACKUP_STATE_KEY);
  // No backups here (DATABASE_URL: the managed service's job), or none attempted yet.
  if (!last) return null;
  const okAt = last.lastOkAt ? new Date(last.lastOkAt) : null;
  const stale = okAt === null || ctx.now.getTime() - okAt.getTime() > t.hours * HOUR_MS;
  if (last.ok && !stale) return null;
  if (last.ok && okAt === null) return null;
  return {
    problem: last.ok ? 'stale' : 'failed',
    lastOk: iso(okAt),
    error: last.ok ? null : last.error,
    threshold: t.hours,
  };
};

/** A condition about one thing: its key is the condition itself. */
const single =
  <C extends AlertCondition>(condition: C, check: Check<C>): MultiCheck<C> =>
  async (ctx, t) => {
    const facts = await check(ctx, t);
    return facts ? [{ key: condition, condition, facts }] : [];
  };

export const CONDITIONS: { [C in AlertCondition]: MultiCheck<C> } = {
  runway: single('runway', runway),
  unknown_backlog: single('unknown_backlog', unknownBacklog),
  operator_failures: operatorFailures,
  sync_stalled: single('sync_stalled', syncStalled),
  credentials: single('credentials', credentials),
  webhook_failing: single('webhook_failing', webhookFailing),
  reconciliation: single('reconciliation', reconciliation),
  ingest_waiting: single('ingest_waiting', ingestWaiting),
  backup_failed: single('backup_failed', backupFailed),
};
