import { csvLine } from '@/lib/orders/csv';
import type { LedgerRow, OurOrder } from './ledger';
import type { Reconciliation } from './load';

// The reconciliation as CSV, in three blocks separated by a blank line: the per-day rows with
// their total, every list of the chosen day (one row per item, named in `list`), and the
// balance. Amounts are exact decimal strings, times UTC ISO, as in the orders export.

const DAY_HEADER = [
  'day',
  'refunded_upstream_count',
  'refunded_upstream_dzd',
  'customer_refunds_count',
  'customer_refunds_dzd',
  'missing_count',
  'missing_dzd',
  'oldest_missing_utc',
  'extra_count',
  'extra_dzd',
];
const LIST_HEADER = [
  'list',
  'day',
  'ledger_row_id',
  'ledger_type',
  'objid',
  'ledger_amount',
  'ledger_time_utc',
  'order_topup_id',
  'order_status',
  'order_balance_amount_dzd',
  'phone',
  'refund_amount_dzd',
  'refund_time_utc',
  'detail',
];

type Cell = string | number | null | undefined;
const iso = (d: Date | null | undefined) => d?.toISOString() ?? '';
const ledger = (r: LedgerRow): Cell[] => [r._id, r.type, r.objid, r.amount, r.time];
const order = (o: OurOrder | null | undefined): Cell[] =>
  o ? [o.topupId, o.status, o.balanceAmount, o.msisdn] : ['', '', '', ''];
const NO_LEDGER: Cell[] = ['', '', '', '', ''];

export function reconciliationCsv(data: Reconciliation): string {
  const out: string[] = [csvLine(DAY_HEADER)];
  const { days, total, range } = data;
  for (const r of days) {
    out.push(
      csvLine([
        r.day,
        r.refunded.count,
        r.refunded.amount,
        r.recorded.count,
        r.recorded.amount,
        r.missing.count,
        r.missing.amount,
        iso(r.missing.oldest),
        r.extra.count,
        r.extra.amount,
      ]),
    );
  }
  out.push(
    csvLine([
      'total',
      total.refunded.count,
      total.refunded.amount,
      total.recorded.count,
      total.recorded.amount,
      total.missing.count,
      total.missing.amount,
      iso(total.missing.oldest),
      total.extra.count,
      total.extra.amount,
    ]),
  );

  out.push('\r\n', csvLine(LIST_HEADER));
  const row = (list: string, l: Cell[], o: Cell[], refund: Cell[] = ['', ''], detail: Cell = '') =>
    out.push(csvLine([list, range.day, ...l, ...o, ...refund, detail]));
  const { ledger: part } = data;
  if (!part.ok) row('ledger_unavailable', NO_LEDGER, order(null), undefined, part.reason);
  else {
    if (!part.window.complete)
      row(
        'ledger_cut',
        NO_LEDGER,
        order(null),
        undefined,
        `read ${part.window.pagesRead} pages of ${part.window.totalResults} rows`,
      );
    for (const p of part.credits.matched) row('credit_matched', ledger(p.row), order(p.order));
    for (const p of part.credits.mismatched)
      row('credit_amount_differs', ledger(p.row), order(p.order));
    for (const u of part.credits.unmatched)
      row('credit_unmatched', ledger(u.row), order(u.order), undefined, u.reason);
    for (const o of part.credits.refundedWithoutCredit)
      row('refunded_without_credit', NO_LEDGER, order(o));
    for (const r of part.debits.notOurs) row('debit_not_ours', ledger(r), order(null));
    for (const o of part.debits.oursWithoutDebit) row('order_without_debit', NO_LEDGER, order(o));
    for (const p of part.debits.mismatched)
      row('debit_amount_differs', ledger(p.row), order(p.order));
    for (const r of part.others) row('other_ledger_row', ledger(r), order(null), undefined, r.note);
  }
  for (const o of data.missingOnDay)
    row('missing_customer_refund', NO_LEDGER, order(o), undefined, o.refundState ?? 'none');
  for (const e of data.extraOnDay)
    row(
      'extra_customer_refund',
      NO_LEDGER,
      [e.topupId, e.status, '', e.msisdn],
      [e.amount, iso(e.refundedAt)],
      e.createdVia,
    );
  for (const a of data.anomalies)
    row(
      'refund_anomaly',
      NO_LEDGER,
      [a.topupId, a.status, '', a.msisdn],
      [a.amount, iso(a.refundedAt)],
      [
        a.changeTo ? `${a.changeFrom ?? ''}->${a.changeTo} at ${iso(a.changedAt)}` : '',
        a.needsReview ? 'needs_review' : '',
      ]
        .filter(Boolean)
        .join('; '),
    );

  out.push('\r\n', csvLine(['balance', 'value']));
  const b = data.balance;
  if (!b.ok) out.push(csvLine(['unavailable', b.reason]));
  else {
    out.push(csvLine(['live_dzd', b.live]));
    if (b.predicted !== null) {
      out.push(
        csvLine(['predicted_dzd', b.predicted]),
        csvLine(['difference_dzd', b.difference]),
        csvLine(['anchor_time_utc', iso(b.anchor.at)]),
        csvLine(['anchor_balance_dzd', b.anchor.balance]),
        csvLine(['other_ledger_moves_dzd', b.anchor.otherMoves]),
        csvLine(['orders_charged_since_anchor_dzd', b.ours.charged]),
        csvLine(['orders_refunded_since_anchor_dzd', b.ours.returned]),
      );
    }
  }
  return out.join('');
}
