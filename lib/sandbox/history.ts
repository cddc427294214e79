import { hourlyCdf } from '../seed/timeline';
import { refundTime, type TopupRecord } from './flows';
import { customerPools, drawOrder } from './history-orders';
import { linkedOrder } from './links';
import { topupRecord } from './orders';
import { hex, objectId, seededRandom } from './random';
import { type LedgerRow, ledgerNote, type StateSnapshot } from './state';

// The past a new desk finds upstream: `npm start` gives its emulator a few months of orders on
// first start (SANDBOX_HISTORY_DAYS), so the desk's own list backfill has something real to
// import and the charts, queues and reconciliation have something to show. Generated once from
// a fixed seed, ending at the first start, then kept in the state file like any other order.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** About 30,000 orders over 90 days (the daily rhythm and growth are lib/seed/mix.ts's). */
export const HISTORY_ORDERS_PER_DAY = 335;
export const HISTORY_SEED = 20_251_029;
/** The merchant tops its balance up by this much whenever it would fall below the floor. */
const DEPOSIT_CENTS = 500_000_00;
const LOW_BALANCE_CENTS = 60_000_00;

export type HistoryOptions = {
  days: number;
  /** The history ends here (the first start); every order is created before it. */
  end: number;
  seed?: number;
  ordersPerDay?: number;
};

/**
 * Creation instants over `days` ending at `end`, oldest first: stratified draws mapped through
 * the hourly shape, so the rhythm of the day and the growth over the window come out exactly.
 */
function creationTimes(random: () => number, count: number, end: number, days: number) {
  const cdf = hourlyCdf(new Date(end), days);
  const start = end - days * DAY_MS;
  const times: number[] = [];
  let hour = 0;
  for (let i = 0; i < count; i++) {
    const u = (i + random()) / count;
    while ((cdf[hour + 1] ?? 1) <= u) hour++;
    const low = cdf[hour] ?? 0;
    const width = (cdf[hour + 1] ?? 1) - low;
    times.push(Math.floor(start + (hour + (width > 0 ? (u - low) / width : 0)) * HOUR_MS));
  }
  return times;
}

/** The state a sandbox starts from: the orders, the ledger they imply, the balance left. */
export function generateHistory(opts: HistoryOptions): StateSnapshot {
  const random = seededRandom(opts.seed ?? HISTORY_SEED);
  const count = Math.max(0, Math.round(opts.days * (opts.ordersPerDay ?? HISTORY_ORDERS_PER_DAY)));
  let seq = 0;
  const newId = (at: number) => objectId(random, at, ++seq);
  const customer = customerPools(random, count);
  const topups: TopupRecord[] = [];
  for (const createdAt of creationTimes(random, count, opts.end, opts.days)) {
    const order = drawOrder(random, customer);
    const ref = `shop-${Math.floor(createdAt / 1000)}-${hex(random, 6)}`;
    topups.push(topupRecord(newId(createdAt), { ...order, ref, createdAt }));
  }
  // OneClick's retries and follow-ups, placed when their original was refunded. One refunded
  // after `end` keeps its link for the sandbox to place then (state.ts `settle`).
  for (const record of [...topups]) {
    const at = refundTime(record);
    if (!record.link || at === undefined || at > opts.end) continue;
    const ref = `${record.ref}-${record.link.kind}`;
    const linked = topupRecord(newId(at), linkedOrder(record, record.link, at, ref));
    record.link.orderId = linked.id;
    topups.push(linked);
  }
  const { ledger, balanceCents } = bookLedger(topups, opts.end, newId);
  return { version: 1, balanceCents, seq, topups, ledger };
}

/**
 * The ledger the orders imply, in time order: a FLEXY debit when each was placed, a
 * REFUND-FLEXY credit when it was refunded (by `end`), and a DEPOSIT whenever the balance would
 * fall below the floor. Marks the refunded orders as credited, as `settle` would have.
 */
function bookLedger(topups: TopupRecord[], end: number, newId: (at: number) => string) {
  const moves: { at: number; type: 'FLEXY' | 'REFUND-FLEXY'; record: TopupRecord }[] = [];
  for (const record of topups) {
    if (record.chargedCents === 0) continue;
    moves.push({ at: record.createdAt, type: 'FLEXY', record });
    const at = refundTime(record);
    if (at === undefined || at > end) continue;
    record.refundedAt = at;
    moves.push({ at, type: 'REFUND-FLEXY', record });
  }
  moves.sort((a, b) => a.at - b.at);
  const ledger: LedgerRow[] = [];
  let balanceCents = 0;
  const book = (row: Omit<LedgerRow, 'id' | 'oldCents' | 'newCents'>, delta: number) => {
    const oldCents = balanceCents;
    balanceCents += delta;
    ledger.push({ id: newId(row.time), ...row, oldCents, newCents: balanceCents });
  };
  for (const { at, type, record } of moves) {
    const debit = type === 'FLEXY';
    if (debit && balanceCents - record.chargedCents < LOW_BALANCE_CENTS)
      book(
        { type: 'DEPOSIT', amountCents: DEPOSIT_CENTS, note: 'Deposit', time: at },
        DEPOSIT_CENTS,
      );
    book(
      {
        type,
        amountCents: record.chargedCents,
        objid: record.id,
        note: ledgerNote(type, record),
        time: at,
      },
      debit ? -record.chargedCents : record.chargedCents,
    );
  }
  return { ledger, balanceCents };
}
