import pg from 'pg';
import type { Db } from '../../db/client';
import {
  advisoryUnlock,
  dbOnConnection,
  tryAdvisoryLock,
  waitAdvisoryLock,
} from '../../db/queries/refund-locks';
import { readChain, rootOf } from '../sync/chain';

// The refund lock of an order is a Postgres advisory lock (so it holds across desk instances),
// kept while OneClick confirms — which may take the client's whole 10 s timeout. Waiting for it
// must cost the rest of the app nothing: waiters queue in memory (one attempt per order reaches
// Postgres), connections come from a small pool of their own (never the app's), and every wait
// is bounded. A refund that cannot get its turn in time is answered "busy, try again" instead.

/** How long a refund waits for its turn before it is refused as busy. */
export const REFUND_LOCK_WAIT_MS = 5_000;
/** Refunds one process confirms with OneClick at once, each on its own connection. */
export const REFUND_LOCK_CONNECTIONS = 4;

/** Another refund or approval of this order (or its chain) is being confirmed. */
export const ORDER_BUSY = Symbol('another refund of this order holds its lock');
/** Every refund connection of this process is confirming another order. */
export const REFUNDS_BUSY = Symbol('every refund connection is busy');
export type Busy = typeof ORDER_BUSY | typeof REFUNDS_BUSY;
export const isBusy = (value: unknown): value is Busy =>
  value === ORDER_BUSY || value === REFUNDS_BUSY;

/** A FIFO semaphore whose waiters give up at a deadline; waiting holds no connection. */
class Gate {
  private readonly waiting: (() => void)[] = [];
  constructor(private free: number) {}

  get idle() {
    return this.waiting.length === 0 && this.free > 0;
  }

  tryEnter(): boolean {
    if (this.free === 0 || this.waiting.length > 0) return false;
    this.free--;
    return true;
  }

  enter(deadline: number): Promise<boolean> {
    if (this.tryEnter()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(
        () => {
          const at = this.waiting.indexOf(wake);
          if (at < 0) return;
          this.waiting.splice(at, 1);
          resolve(false);
        },
        Math.max(0, deadline - Date.now()),
      );
      this.waiting.push(wake);
    });
  }

  leave() {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

type Locks = { pool: pg.Pool; slots: Gate; orders: Map<string, Gate> };

// Per app pool, kept on globalThis like the app pool itself (db/index.ts), so a dev hot reload
// does not open a second refund pool beside the first.
const holder = globalThis as unknown as { __flexyRefundLocks?: WeakMap<pg.Pool, Locks> };
holder.__flexyRefundLocks ??= new WeakMap();
const registry = holder.__flexyRefundLocks;

const appPool = (db: Db) => (db as unknown as { $client: pg.Pool }).$client;

function locksFor(db: Db): Locks {
  const app = appPool(db);
  let locks = registry.get(app);
  if (!locks) {
    const pool = new pg.Pool({
      ...app.options,
      max: REFUND_LOCK_CONNECTIONS,
      application_name: 'flexy-desk-refunds',
      idleTimeoutMillis: 5_000,
      connectionTimeoutMillis: REFUND_LOCK_WAIT_MS,
      allowExitOnIdle: true,
    });
    pool.on('error', () => {});
    locks = { pool, slots: new Gate(REFUND_LOCK_CONNECTIONS), orders: new Map() };
    registry.set(app, locks);
  }
  return locks;
}

/** Closes the refund connections opened beside this app pool (tests, scripts). */
export async function closeRefundLocks(db: Db): Promise<void> {
  const app = appPool(db);
  const locks = registry.get(app);
  registry.delete(app);
  await locks?.pool.end();
}

/** Takes a session-level advisory lock, waiting at most until `deadline`. */
async function advisoryLock(client: pg.PoolClient, key: string, deadline: number) {
  if (await tryAdvisoryLock(client, key)) return true;
  const ms = Math.floor(deadline - Date.now());
  if (ms <= 0) return false; // and lock_timeout 0 would mean "wait forever"
  return waitAdvisoryLock(client, key, ms);
}

/**
 * The refund locks one attempt holds: in-process turns (free to wait on), then one refund-pool
 * connection and the advisory locks on it. No two attempts deadlock: turns and advisory locks
 * are taken in id order, a turn is only ever awaited for a key above every key held, and never
 * while holding a connection (that connection may be what the holder of the turn waits for).
 */
class LockSession {
  private readonly turns: string[] = [];
  private readonly advisory: string[] = [];
  private client: pg.PoolClient | undefined;
  private slot = false;
  // A connection goes back to the pool only when we know exactly which locks it still holds.
  private sound = true;

  constructor(private readonly locks: Locks) {}

  /**
   * Holds exactly the locks of `topupPks`: keeps the held keys that lead the new set, lets go
   * of the others, and takes the rest, all before `deadline` or not at all (busy).
   */
  async hold(topupPks: readonly number[], deadline: number): Promise<Db | Busy> {
    const keys = [...new Set(topupPks)].sort((a, b) => a - b).map((pk) => `refund:${pk}`);
    let keep = 0;
    while (keep < this.turns.length && this.turns[keep] === keys[keep]) keep++;
    await this.letGo(keep);
    for (const key of keys.slice(keep)) {
      const gate = this.locks.orders.get(key) ?? new Gate(1);
      this.locks.orders.set(key, gate);
      if (!gate.tryEnter()) {
        await this.unplug();
        if (!(await gate.enter(deadline))) return ORDER_BUSY;
      }
      this.turns.push(key);
    }
    if (!this.slot) {
      if (!(await this.locks.slots.enter(deadline))) return REFUNDS_BUSY;
      this.slot = true;
    }
    this.client ??= await this.locks.pool.connect();
    for (const key of this.turns.slice(this.advisory.length)) {
      let got: boolean;
      try {
        got = await advisoryLock(this.client, key, deadline);
      } catch (error) {
        this.sound = false;
        throw error;
      }
      if (!got) return ORDER_BUSY; // held by another desk instance
      this.advisory.push(key);
    }
    return dbOnConnection(this.client);
  }

  /** Lets go of every key after the first `keep`, newest first. */
  private async letGo(keep: number) {
    await this.unlock(keep);
    while (this.turns.length > keep) {
      const key = this.turns.pop() as string;
      const gate = this.locks.orders.get(key);
      gate?.leave();
      if (gate?.idle) this.locks.orders.delete(key);
    }
  }

  /** Releases the advisory locks after the first `keep`, newest first. */
  private async unlock(keep: number) {
    while (this.advisory.length > keep) {
      const key = this.advisory.pop() as string;
      try {
        if (this.client) await advisoryUnlock(this.client, key);
      } catch {
        this.sound = false;
      }
    }
  }

  /** Gives the connection back, keeping only the in-process turns. */
  private async unplug() {
    await this.unlock(0);
    // Closing a doubtful connection ends its session, and with it any lock it still holds.
    this.client?.release(!this.sound);
    this.client = undefined;
    this.sound = true;
    if (this.slot) this.locks.slots.leave();
    this.slot = false;
  }

  async release() {
    await this.letGo(0);
    await this.unplug();
  }
}

export type LockedChain = { root: number; members: number[] };

/** The original of an order and every linked order we hold, in id order. */
export async function chainOf(db: Db, topupPk: number): Promise<LockedChain> {
  const root = await rootOf(db, topupPk);
  const chain = await readChain(db, root);
  const members = [root, ...(chain?.linked.map((m) => m.id) ?? [])].sort((a, b) => a - b);
  return { root, members };
}

export const CHAIN_CHANGED = Symbol('the chain changed while it was locked');

/**
 * Runs `work` holding the refund locks of a whole chain: the customer paid once for an order
 * and OneClick's retries or follow-ups of it, so they are decided as one. Concurrent attempts
 * queue here; the first does the live check and the insert, the others then find the refund
 * and say who made it. `work` runs on the one connection that holds the locks, from the refund
 * pool: the app's pool is never held across a wait. An attempt that waited `lockWaitMs` without
 * its turn gets ORDER_BUSY / REFUNDS_BUSY instead.
 *
 * The chain may have changed while we waited, and the live checks inside `work` may reveal a
 * link we did not hold (a retry seen before its original named it; `work` then returns
 * CHAIN_CHANGED): either way it runs again with every member locked, keeping the locks it
 * holds in front, so the attempt that learnt the link keeps its place.
 */
export async function withChainLock<T>(
  deps: { db: Db; lockWaitMs?: number },
  topupPk: number,
  work: (locked: Db, chain: LockedChain) => Promise<T | typeof CHAIN_CHANGED>,
): Promise<T | Busy> {
  const { db, lockWaitMs = REFUND_LOCK_WAIT_MS } = deps;
  const session = new LockSession(locksFor(db));
  try {
    for (let round = 0; round < 5; round++) {
      const chain = await chainOf(db, topupPk);
      const locked = await session.hold(chain.members, Date.now() + lockWaitMs);
      if (isBusy(locked)) return locked;
      if (!sameChain(chain, await chainOf(locked, topupPk))) continue;
      const result = await work(locked, chain);
      if (result !== CHAIN_CHANGED) return result;
    }
  } finally {
    await session.release();
  }
  throw new Error(`the chain of top-up ${topupPk} kept changing; try again`);
}

export function sameChain(a: LockedChain, b: LockedChain) {
  return a.root === b.root && a.members.join(',') === b.members.join(',');
}
