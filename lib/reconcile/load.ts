import 'server-only';
import {
  createdOnDay,
  type ExtraRefund,
  extraOnDay,
  ordersByTopupIds,
  ordersSince,
  type RefundAnomaly,
  type RefundedOrder,
  recordedByDay,
  refundAnomalies,
  refundedByDay,
  refundedOnDay,
} from '@/db/queries/reconcile';
import type { Db } from '@/lib/db';
import { log } from '@/lib/log';
import { subtractAmounts } from '@/lib/money';
import { isOneClickError } from '@/lib/oneclick/errors';
import { algiersDate, DESK_TIME_ZONE, daySpan } from '@/lib/time/algiers';
import {
  type Anchor,
  arithmeticBreaks,
  balanceAnchor,
  type OursSince,
  predictBalance,
} from './balance';
import type { ReconcileRange } from './days';
import { fetchLedgerWindow, fetchNewestRow, type LedgerSource, type LedgerWindow } from './fetch';
import {
  CREDIT_TYPE,
  type CreditReport,
  DEBIT_TYPE,
  type DebitReport,
  type LedgerRow,
  matchCredits,
  matchDebits,
  objids,
} from './ledger';
import { type DayRow, dayRows, totalRow } from './summary';

// Everything the page and the CSV export show, gathered once. Database parts always load;
// the live OneClick parts (ledger, balance) fail on their own and say why.

export type Upstream = LedgerSource & { balance(): Promise<{ data: { balance: string } }> };

/** Why the live part is missing: a OneClick error kind, or "not_configured" / "error". */
export type Unavailable = { ok: false; reason: string };

export type LedgerPart =
  | {
      ok: true;
      window: Omit<LedgerWindow, 'rows'>;
      credits: CreditReport;
      debits: DebitReport;
      /** Rows that are neither top-ups nor top-up refunds (deposits, other products). */
      others: LedgerRow[];
      breaks: LedgerRow[];
    }
  | Unavailable;

export type BalancePart =
  | {
      ok: true;
      live: string;
      predicted: string;
      difference: string;
      anchor: Anchor;
      ours: OursSince;
      window: Omit<LedgerWindow, 'rows'>;
    }
  | { ok: true; live: string; predicted: null }
  | Unavailable;

export type Reconciliation = {
  range: ReconcileRange;
  today: string;
  days: DayRow[];
  total: Omit<DayRow, 'day'>;
  anomalies: RefundAnomaly[];
  refundedOnDay: RefundedOrder[];
  missingOnDay: RefundedOrder[];
  extraOnDay: ExtraRefund[];
  ledger: LedgerPart;
  balance: BalancePart;
};

function connect(upstream: () => Upstream): { ok: true; client: Upstream } | Unavailable {
  try {
    return { ok: true, client: upstream() };
  } catch (error) {
    // getUpstream() throws a plain Error when no OneClick key is configured.
    return { ok: false, reason: isOneClickError(error) ? error.kind : 'not_configured' };
  }
}

/** A fetch that resolves to its error instead of rejecting, so two parts can share it. */
const settle = <T>(p: Promise<T>) => p.catch((error: unknown) => ({ failed: error }) as const);
type Settled<T> = T | { readonly failed: unknown };
const failed = <T>(v: Settled<T>): v is { readonly failed: unknown } =>
  typeof v === 'object' && v !== null && 'failed' in v;

function unavailable(error: unknown, what: string): Unavailable {
  if (isOneClickError(error)) return { ok: false, reason: error.kind };
  log.warn({ err: error }, `reconciliation: ${what} unavailable`);
  return { ok: false, reason: 'error' };
}

const oldestTime = (rows: LedgerRow[]) =>
  rows.length ? new Date(Math.min(...rows.map((r) => Date.parse(r.time)))) : null;
const windowMeta = ({ rows: _rows, ...meta }: LedgerWindow) => meta;

export async function loadReconciliation(
  db: Db,
  range: ReconcileRange,
  now: Date,
  upstream: () => Upstream,
): Promise<Reconciliation> {
  const today = algiersDate(now);
  const { from: rangeFrom, to: rangeTo } = daySpan(range.from, range.to);
  const { from: dayFrom, to: dayTo } = daySpan(range.day);
  const [refunded, recorded, anomalies, onDay, extra] = await Promise.all([
    refundedByDay(db, rangeFrom, rangeTo, DESK_TIME_ZONE),
    recordedByDay(db, rangeFrom, rangeTo, DESK_TIME_ZONE),
    refundAnomalies(db, rangeFrom, rangeTo),
    refundedOnDay(db, dayFrom, dayTo),
    extraOnDay(db, dayFrom, dayTo),
  ]);
  const days = dayRows(range.from, range.to, refunded, recorded);

  const live = connect(upstream);
  let ledger: LedgerPart;
  let balance: BalancePart;
  if (!live.ok) {
    ledger = live;
    balance = live;
  } else {
    // One read of the day's ledger serves both parts when the chosen day is today.
    const dayWindow = settle(fetchLedgerWindow(live.client, dayFrom, dayTo));
    [ledger, balance] = await Promise.all([
      ledgerPart(db, range.day, onDay, dayWindow),
      balancePart(db, live.client, today === range.day ? dayWindow : null, today, now),
    ]);
  }
  return {
    range,
    today,
    days,
    total: totalRow(days),
    anomalies,
    refundedOnDay: onDay,
    missingOnDay: onDay.filter((o) => o.refundState !== 'approved'),
    extraOnDay: extra,
    ledger,
    balance,
  };
}

async function ledgerPart(
  db: Db,
  day: string,
  refundedOrders: RefundedOrder[],
  pending: Promise<Settled<LedgerWindow>>,
): Promise<LedgerPart> {
  const fetched = await pending;
  if (failed(fetched)) return unavailable(fetched.failed, 'ledger');
  const { from, to } = daySpan(day);
  const [known, created] = await Promise.all([
    ordersByTopupIds(db, objids(fetched.rows)),
    createdOnDay(db, from, to),
  ]);
  const byTopupId = new Map(known.map((o) => [o.topupId, o]));
  const judgeFrom = fetched.complete ? null : oldestTime(fetched.rows);
  return {
    ok: true,
    window: windowMeta(fetched),
    credits: matchCredits({
      rows: fetched.rows,
      refundedOnDay: refundedOrders,
      byTopupId,
      day,
      dayOf: algiersDate,
      judgeFrom,
    }),
    debits: matchDebits({ rows: fetched.rows, createdOnDay: created, byTopupId, judgeFrom }),
    others: fetched.rows.filter((r) => r.type !== DEBIT_TYPE && r.type !== CREDIT_TYPE),
    breaks: arithmeticBreaks(fetched.rows),
  };
}

async function balancePart(
  db: Db,
  client: Upstream,
  todayWindow: Promise<Settled<LedgerWindow>> | null,
  today: string,
  now: Date,
): Promise<BalancePart> {
  try {
    const { from, to } = daySpan(today);
    const [live, fetched] = await Promise.all([
      client.balance(),
      todayWindow ?? fetchLedgerWindow(client, from, to),
    ]);
    if (failed(fetched)) throw fetched.failed;
    const newest = fetched.rows.length === 0 ? await fetchNewestRow(client) : null;
    const anchor = balanceAnchor(fetched.rows, newest);
    if (!anchor) return { ok: true, live: live.data.balance, predicted: null };
    // Our records as of when the page asked for the balance, not beyond.
    const ours = await ordersSince(db, anchor.at, now);
    const predicted = predictBalance(anchor, ours);
    return {
      ok: true,
      live: live.data.balance,
      predicted,
      difference: subtractAmounts(live.data.balance, predicted),
      anchor,
      ours,
      window: windowMeta(fetched),
    };
  } catch (error) {
    return unavailable(error, 'balance');
  }
}
