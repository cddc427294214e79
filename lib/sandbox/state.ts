import { refundTime, type TopupRecord } from './flows';
import { spawnLinked } from './links';
import { objectId, type Random } from './random';

export type LedgerType = 'FLEXY' | 'REFUND-FLEXY' | 'DEPOSIT';

export type LedgerRow = {
  id: string;
  type: LedgerType;
  amountCents: number;
  oldCents: number;
  newCents: number;
  objid?: string;
  note: string;
  time: number;
};

export type StateSnapshot = {
  version: 1;
  balanceCents: number;
  seq: number;
  topups: TopupRecord[];
  ledger: LedgerRow[];
};

/** The note of an order's ledger row: its debit, or the credit when it was refunded. */
export function ledgerNote(type: 'FLEXY' | 'REFUND-FLEXY', record: TopupRecord) {
  const what = `${record.planCode} ${record.msisdn} ${record.amount} DA`;
  return type === 'FLEXY' ? `Flexy ${what}` : `Refund ${what}`;
}

/**
 * The sandbox's account: top-ups, balance and ledger. Money moves on send (FLEXY debit) and
 * when an order's timeline reaches REFUNDED (REFUND-FLEXY credit, dated at that instant);
 * `settle(now)` books those credits lazily, since statuses are derived from the clock, and
 * stores the retry / follow-up orders that a refund sets off.
 */
export class SandboxState {
  private readonly topups = new Map<string, TopupRecord>();
  private readonly refs = new Map<string, TopupRecord>();
  private readonly unsettled = new Set<TopupRecord>();
  private sorted: TopupRecord[] | undefined;
  readonly ledger: LedgerRow[];
  balanceCents: number;
  private seq: number;

  constructor(
    snapshot: StateSnapshot,
    private readonly random: Random,
    private readonly onChange: () => void = () => {},
  ) {
    this.balanceCents = snapshot.balanceCents;
    this.seq = snapshot.seq;
    this.ledger = [...snapshot.ledger];
    for (const record of snapshot.topups) this.index(record);
  }

  static empty(balanceCents: number): StateSnapshot {
    return { version: 1, balanceCents, seq: 0, topups: [], ledger: [] };
  }

  /** A 24-hex id shaped like the upstream's Mongo ObjectIds (seconds, random, counter). */
  newId(now: number) {
    this.seq += 1;
    return objectId(this.random, now, this.seq);
  }

  get(id: string) {
    return this.topups.get(id);
  }

  /**
   * A retry may reuse the original's ref. The docs do not say which order check-ref answers
   * then; the sandbox answers the newest, the one still moving, and list shows both.
   */
  byRef(ref: string) {
    return this.refs.get(ref);
  }

  /** All top-ups, newest first (the order `/mobile/list` returns). */
  newestFirst() {
    this.sorted ??= [...this.topups.values()].sort(newestFirst);
    return this.sorted;
  }

  /** Stores a new top-up and debits its cost. */
  add(record: TopupRecord, now: number) {
    this.index(record);
    this.book('FLEXY', -record.chargedCents, now, ledgerNote('FLEXY', record), record.id);
    this.onChange();
  }

  replaceTimeline(record: TopupRecord, timeline: TopupRecord['timeline']) {
    record.timeline = timeline;
    this.unsettled.add(record);
    this.onChange();
  }

  deposit(cents: number, now: number, note = 'Sandbox deposit') {
    this.book('DEPOSIT', cents, now, note);
    this.onChange();
  }

  /**
   * Books the refunds of every order that has become REFUNDED by `now`, and stores the orders
   * they link to, in time order: a linked order that is itself refunded by `now` joins the
   * queue, so the ledger reads as if each had happened on time.
   */
  settle(now: number) {
    const due: { record: TopupRecord; at: number }[] = [];
    for (const record of this.unsettled) {
      const at = refundTime(record);
      if (at === undefined || !pending(record)) this.unsettled.delete(record);
      else if (at <= now) due.push({ record, at });
    }
    if (due.length === 0) return;
    due.sort((a, b) => a.at - b.at);
    for (let next = due.shift(); next; next = due.shift()) {
      const { record, at } = next;
      this.unsettled.delete(record);
      if (record.refundedAt === undefined) {
        record.refundedAt = at;
        const note = ledgerNote('REFUND-FLEXY', record);
        this.book('REFUND-FLEXY', record.chargedCents, at, note, record.id);
      }
      const linked = spawnLinked(this, record, at);
      const linkedAt = linked && refundTime(linked);
      if (linked && linkedAt !== undefined && linkedAt <= now) {
        const index = due.findIndex((d) => d.at > linkedAt);
        due.splice(index < 0 ? due.length : index, 0, { record: linked, at: linkedAt });
      }
    }
    this.onChange();
  }

  snapshot(): StateSnapshot {
    return {
      version: 1,
      balanceCents: this.balanceCents,
      seq: this.seq,
      topups: [...this.topups.values()],
      ledger: this.ledger,
    };
  }

  private index(record: TopupRecord) {
    this.topups.set(record.id, record);
    const sameRef = this.refs.get(record.ref);
    if (!sameRef || newestFirst(record, sameRef) < 0) this.refs.set(record.ref, record);
    if (pending(record)) this.unsettled.add(record);
    this.sorted = undefined;
  }

  private book(type: LedgerType, deltaCents: number, time: number, note: string, objid?: string) {
    // A GETMENU request costs nothing; a zero row would only be noise in the ledger.
    if (deltaCents === 0) return;
    const oldCents = this.balanceCents;
    this.balanceCents += deltaCents;
    this.ledger.push({
      id: this.newId(time),
      type,
      amountCents: Math.abs(deltaCents),
      oldCents,
      newCents: this.balanceCents,
      objid,
      note,
      time,
    });
  }
}

/** Newest first; ties (same millisecond) go to the later insertion, read off the id's counter. */
function newestFirst(a: TopupRecord, b: TopupRecord) {
  const counter = (id: string) => Number.parseInt(id.slice(-6), 16);
  return b.createdAt - a.createdAt || counter(b.id) - counter(a.id);
}

/**
 * Still owes a refund credit or a linked order. Both are stored in one step; the second clause
 * is for a state file edited by hand that holds the refund but not the link.
 */
const pending = (record: TopupRecord) =>
  record.refundedAt === undefined || (record.link !== undefined && !record.link.orderId);
