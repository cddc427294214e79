import type { ReconcileOrder } from '../../db/queries/reconcile';
import { absAmount, sameAmount, sumAmounts } from '../money';
import type { Transaction } from '../oneclick/schemas-account';

// Matching OneClick's ledger against our orders, for one day. Pure: the page and the CSV
// export feed it rows they fetched; tests feed it rows they wrote.

export type LedgerRow = Transaction;

/** The order columns matching needs (db/queries/reconcile.ts selects exactly these). */
export type OurOrder = ReconcileOrder;

export const CREDIT_TYPE = 'REFUND-FLEXY';
export const DEBIT_TYPE = 'FLEXY';

/**
 * How much a row moved, whatever sign convention `amount` uses: the docs show amounts and
 * balances but never say whether a debit's amount is written negative (the sandbox does).
 */
export const rowSize = (row: LedgerRow) => absAmount(row.amount);

export type Pair = { row: LedgerRow; order: OurOrder };
export type UnmatchedReason = 'no_objid' | 'unknown_order' | 'not_refunded' | 'duplicate';
export type UnmatchedCredit = { row: LedgerRow; reason: UnmatchedReason; order: OurOrder | null };

export type CreditReport = {
  count: number;
  total: string;
  matched: Pair[];
  matchedTotal: string;
  /** Matched, but our clock put the REFUNDED status on another day (midnight, or a backfill). */
  matchedOtherDay: number;
  mismatched: Pair[];
  unmatched: UnmatchedCredit[];
  /** Our orders that became REFUNDED on the day, with no credit for them in the day's ledger. */
  refundedWithoutCredit: OurOrder[];
  /** Orders not judged "without credit" because the ledger read was cut before their time. */
  notJudged: number;
};

/**
 * When the ledger read was cut (newest pages only), rows older than the oldest row read were
 * never seen, so only orders after it can be said to have no row. A credit is booked before we
 * see the order turn REFUNDED (we poll), so credits get a margin for that lag.
 */
export const CREDIT_OBSERVATION_MARGIN_MS = 10 * 60_000;
const judged = (at: Date, from: Date | null | undefined, marginMs = 0) =>
  !from || at.getTime() >= from.getTime() + marginMs;

/**
 * REFUND-FLEXY credits against our REFUNDED orders, by `objid` = `topup_id`. `byTopupId`
 * holds our orders for every objid seen in the ledger (any day, any status), so a credit for
 * an order we hold as FULFILLED is told apart from one for an order we have never seen.
 */
export function matchCredits(input: {
  rows: readonly LedgerRow[];
  refundedOnDay: readonly OurOrder[];
  byTopupId: ReadonlyMap<string, OurOrder>;
  day: string;
  dayOf: (instant: Date) => string;
  /** The oldest row read, when the read was cut; null when the day's ledger is complete. */
  judgeFrom?: Date | null;
}): CreditReport {
  const credits = input.rows.filter((r) => r.type === CREDIT_TYPE);
  const charged = debitsByObjid(input.rows);
  const credited = new Set<string>();
  const matched: Pair[] = [];
  const mismatched: Pair[] = [];
  const unmatched: UnmatchedCredit[] = [];
  for (const row of credits) {
    const order = row.objid ? (input.byTopupId.get(row.objid) ?? null) : null;
    if (!row.objid) unmatched.push({ row, reason: 'no_objid', order });
    else if (credited.has(row.objid)) unmatched.push({ row, reason: 'duplicate', order });
    else if (!order) unmatched.push({ row, reason: 'unknown_order', order });
    else if (order.status !== 'REFUNDED') unmatched.push({ row, reason: 'not_refunded', order });
    else (creditFits(row, chargeOf(order, charged)) ? matched : mismatched).push({ row, order });
    if (row.objid) credited.add(row.objid);
  }
  const uncredited = input.refundedOnDay.filter((o) => !credited.has(o.topupId));
  const judgeable = (o: OurOrder) =>
    judged(o.statusChangedAt, input.judgeFrom, CREDIT_OBSERVATION_MARGIN_MS);
  return {
    count: credits.length,
    total: sumAmounts(credits.map(rowSize)),
    matched,
    matchedTotal: sumAmounts(matched.map((p) => rowSize(p.row))),
    matchedOtherDay: matched.filter((p) => input.dayOf(p.order.statusChangedAt) !== input.day)
      .length,
    mismatched,
    unmatched,
    refundedWithoutCredit: uncredited.filter((o) => judgeable(o)),
    notJudged: uncredited.filter((o) => !judgeable(o)).length,
  };
}

export type DebitReport = {
  count: number;
  total: string;
  oursCount: number;
  oursTotal: string;
  /** FLEXY rows with no objid, or an objid we hold no order for. */
  notOurs: LedgerRow[];
  /** Our orders created on the day with no FLEXY row in the day's ledger. */
  oursWithoutDebit: OurOrder[];
  /** Orders not judged "without debit" because the ledger read was cut before their time. */
  notJudged: number;
  /** Debited a different amount than the order's balance_amount. */
  mismatched: Pair[];
};

/** FLEXY debits against our orders created on the day: the brief check that we hold them all. */
export function matchDebits(input: {
  rows: readonly LedgerRow[];
  createdOnDay: readonly OurOrder[];
  byTopupId: ReadonlyMap<string, OurOrder>;
  judgeFrom?: Date | null;
}): DebitReport {
  const debits = input.rows.filter((r) => r.type === DEBIT_TYPE);
  const debited = new Set<string>();
  const notOurs: LedgerRow[] = [];
  const mismatched: Pair[] = [];
  for (const row of debits) {
    const order = row.objid ? input.byTopupId.get(row.objid) : undefined;
    if (row.objid) debited.add(row.objid);
    if (!order) notOurs.push(row);
    // A charge we never learned (a REFUNDED item first seen with balance_amount 0) cannot
    // disagree with the ledger: the ledger's debit is the charge.
    else if (order.balanceAmount !== null && !sameAmount(rowSize(row), order.balanceAmount))
      mismatched.push({ row, order });
  }
  // The debit is booked when the order is created, on the same upstream clock: no margin.
  const undebited = input.createdOnDay.filter((o) => !debited.has(o.topupId));
  return {
    count: debits.length,
    total: sumAmounts(debits.map(rowSize)),
    oursCount: input.createdOnDay.length,
    oursTotal: sumAmounts(input.createdOnDay.map((o) => o.balanceAmount)),
    notOurs,
    oursWithoutDebit: undebited.filter((o) => judged(o.upstreamCreatedAt, input.judgeFrom)),
    notJudged: undebited.filter((o) => !judged(o.upstreamCreatedAt, input.judgeFrom)).length,
    mismatched,
  };
}

/** The FLEXY debit of each order in the rows (what OneClick charged for it). */
function debitsByObjid(rows: readonly LedgerRow[]) {
  const out = new Map<string, string>();
  for (const row of rows)
    if (row.type === DEBIT_TYPE && row.objid) out.set(row.objid, rowSize(row));
  return out;
}

/**
 * What an order cost us: the charge as first recorded (a later `balance_amount: 0` never
 * overwrites it, lib/sync/details.ts), else the ledger's own debit, else unknown (null).
 */
function chargeOf(order: OurOrder, debits: ReadonlyMap<string, string>): string | null {
  return order.balanceAmount ?? debits.get(order.topupId) ?? null;
}

/** A refund credit gives back the charge; with no charge known there is nothing to contradict. */
function creditFits(row: LedgerRow, charge: string | null) {
  return charge === null || sameAmount(rowSize(row), charge);
}

/** Every objid in the rows, to look our orders up in one indexed query. */
export function objids(rows: readonly LedgerRow[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.objid ? [r.objid] : [])))];
}
