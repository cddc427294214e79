import type { OrdersSince } from '../../db/queries/reconcile';
import { fromCents, toCents } from '../money';
import { CREDIT_TYPE, DEBIT_TYPE, type LedgerRow } from './ledger';

// "What should OneClick's balance be, by our records?" Take a balance the ledger vouches for
// at an instant (the anchor), add the ledger moves our records know nothing about (deposits,
// withdrawals, other products), then apply our own orders since that instant: each order
// created since costs its balance_amount, and each order that became REFUNDED since gets it
// back. OneClick's live balance minus this is the difference finance must explain.
//
// Our orders, not the ledger's FLEXY / REFUND-FLEXY rows, carry that part on purpose: an
// order the upstream charged but our sync never stored, a credit for an order we hold as
// FULFILLED, or a charge that differs from balance_amount then shows up as a difference.

export type Anchor = {
  /** The balance just before `at`, as the ledger states it. */
  balance: string;
  at: Date;
  /** Net movement of ledger rows at or after `at` that are not top-ups or top-up refunds. */
  otherMoves: string;
  otherCount: number;
  /** `window`: the oldBalance of the oldest row read today; `latest`: today has no row yet. */
  source: 'window' | 'latest';
};

const movement = (row: LedgerRow) =>
  (toCents(row.newBalance) ?? 0n) - (toCents(row.oldBalance) ?? 0n);

/**
 * The anchor from today's ledger rows (all of them, or the newest pages if the read was cut:
 * those are still every row from their oldest to now). With no row today, the newest row of
 * all: its newBalance holds from just after its time.
 */
export function balanceAnchor(
  window: readonly LedgerRow[],
  newest: LedgerRow | null,
): Anchor | null {
  const rows = [...window].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const oldest = rows[0];
  if (oldest) {
    const others = rows.filter((r) => r.type !== DEBIT_TYPE && r.type !== CREDIT_TYPE);
    return {
      balance: oldest.oldBalance,
      at: new Date(oldest.time),
      otherMoves: fromCents(others.reduce((sum, r) => sum + movement(r), 0n)),
      otherCount: others.length,
      source: 'window',
    };
  }
  if (!newest) return null;
  return {
    balance: newest.newBalance,
    at: new Date(Date.parse(newest.time) + 1),
    otherMoves: '0.00',
    otherCount: 0,
    source: 'latest',
  };
}

/** What our records say since the anchor (db/queries/reconcile.ts `ordersSince`). */
export type OursSince = OrdersSince;

export function predictBalance(anchor: Anchor, ours: OursSince): string {
  const cents = (v: string) => toCents(v) ?? 0n;
  return fromCents(
    cents(anchor.balance) + cents(anchor.otherMoves) - cents(ours.charged) + cents(ours.returned),
  );
}

/** Rows whose own arithmetic is off: |amount| ≠ |newBalance − oldBalance|. */
export function arithmeticBreaks(rows: readonly LedgerRow[]): LedgerRow[] {
  return rows.filter((r) => {
    const amount = toCents(r.amount);
    const moved = movement(r);
    return amount === null || (amount < 0n ? -amount : amount) !== (moved < 0n ? -moved : moved);
  });
}
