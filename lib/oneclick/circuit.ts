import { OneClickError } from './errors';

// Whether a call may go to the upstream now, judged from how the upstream treated our key.
// The upstream blocks the IP for 15 minutes after five refused keys, so: two refusals in a row
// stop every call; while the key is not confirmed, calls go one at a time (ten sent together
// with a bad key would all be refused); an IP_BLOCKED answer stops calls until the block ends.
// `MemoryGate` keeps this in the process; lib/sync/credentials.ts keeps it in Postgres, shared
// by every instance and across restarts.

export type CredentialsState = {
  credentialsRejected: boolean;
  consecutiveAuthFailures: number;
  lastSuccessAt: number | null;
  /** While the upstream blocks our IP (epoch ms). */
  blockedUntil: number | null;
};

/** Two invalid-key answers in a row stop all calls: the upstream blocks the IP after five. */
export const AUTH_FAILURES_BEFORE_STOP = 2;
/** The docs: five failed attempts block the IP for 15 minutes. */
export const IP_BLOCK_MS = 15 * 60_000;

/** What one call taught us about the key. */
export type Verdict =
  | { kind: 'accepted'; at: number }
  | { kind: 'refused'; attemptsLeft?: number; message: string; at: number }
  | { kind: 'blocked'; until: number; message: string; at: number }
  /** Network, timeout, 5xx, a keyless endpoint: says nothing about the key. */
  | { kind: 'neutral' };

export type Admission = { release(verdict: Verdict): Promise<void> };

export interface CallGate {
  /** Resolves when the call may go; rejects with `credentials_rejected` or `ip_blocked`. */
  admit(): Promise<Admission>;
  state(): CredentialsState;
  /** A person fixed the key (or the key changed): calls may try again, one at a time. */
  reset(): Promise<void>;
  /** Re-reads a shared standing (another instance may have learned something). */
  refresh?(): Promise<unknown>;
}

const KEY_CODES = new Set(['INVALID_ACCESS_TOKEN', 'ERR_AUTH', 'MISSING_ACCESS_TOKEN']);

/** Answers that could only come after the upstream accepted the key. */
const KEY_ACCEPTED_KINDS = new Set([
  'validation',
  'not_found',
  'duplicate_ref',
  'insufficient_balance',
]);

/** What a failed call says about the key. */
export function verdictOf(error: OneClickError, at: number): Verdict {
  if (error.kind === 'ip_blocked') {
    const stated = Date.parse(String(error.details?.blockedUntil ?? ''));
    const until = Number.isFinite(stated) && stated > at ? stated : at + IP_BLOCK_MS;
    return { kind: 'blocked', until, message: error.message, at };
  }
  // A 403 without a key code (IP not whitelisted, READ-ONLY key) is not a refused key.
  if (error.kind === 'auth' && (KEY_CODES.has(error.code ?? '') || error.httpStatus === 401))
    return { kind: 'refused', attemptsLeft: error.attemptsLeft, message: error.message, at };
  if (KEY_ACCEPTED_KINDS.has(error.kind)) return { kind: 'accepted', at };
  return { kind: 'neutral' };
}

/** The stop after this refusal: two in a row, or the upstream says one try is left. */
export function refusalStops(refusals: number, attemptsLeft: number | undefined) {
  return refusals >= AUTH_FAILURES_BEFORE_STOP || (attemptsLeft !== undefined && attemptsLeft <= 1);
}

export const rejectedError = () =>
  new OneClickError({
    kind: 'credentials_rejected',
    message: 'the API key was refused twice; calls are stopped until it is replaced',
  });

export const blockedError = (until: number) =>
  new OneClickError({
    kind: 'ip_blocked',
    message: `the upstream blocks this IP until ${new Date(until).toISOString()}; no call until then`,
    details: { blockedUntil: new Date(until).toISOString() },
  });

/** One caller at a time: the probe while a key is not confirmed. */
export class Turnstile {
  private current: Promise<void> | null = null;

  async enter(): Promise<() => void> {
    while (this.current) await this.current;
    let leave = () => {};
    this.current = new Promise<void>((resolve) => {
      leave = resolve;
    });
    return () => {
      this.current = null;
      leave();
    };
  }
}

/** The gate of one process, for tools and tests without a database. */
export class MemoryGate implements CallGate {
  private failures = 0;
  private rejected = false;
  private confirmed = false;
  private lastSuccess: number | null = null;
  private blockedUntil: number | null = null;
  private readonly probe = new Turnstile();

  constructor(private readonly now: () => number = Date.now) {}

  async admit(): Promise<Admission> {
    this.check();
    if (this.confirmed) return { release: async (v) => this.record(v) };
    const leave = await this.probe.enter();
    try {
      this.check();
    } catch (error) {
      leave();
      throw error;
    }
    // Confirmed by the call before ours: no need to hold the others back.
    if (this.confirmed) leave();
    return {
      release: async (v) => {
        this.record(v);
        leave();
      },
    };
  }

  private check() {
    if (this.blockedUntil !== null && this.now() < this.blockedUntil)
      throw blockedError(this.blockedUntil);
    if (this.rejected) throw rejectedError();
  }

  private record(v: Verdict) {
    if (v.kind === 'accepted') {
      this.failures = 0;
      this.confirmed = true;
      this.lastSuccess = v.at;
    } else if (v.kind === 'refused') {
      this.failures += 1;
      this.confirmed = false;
      if (refusalStops(this.failures, v.attemptsLeft)) this.rejected = true;
    } else if (v.kind === 'blocked') {
      this.blockedUntil = v.until;
      this.confirmed = false;
    }
  }

  state(): CredentialsState {
    const blocked = this.blockedUntil !== null && this.now() < this.blockedUntil;
    return {
      credentialsRejected: this.rejected,
      consecutiveAuthFailures: this.failures,
      lastSuccessAt: this.lastSuccess,
      blockedUntil: blocked ? this.blockedUntil : null,
    };
  }

  async reset() {
    this.failures = 0;
    this.rejected = false;
    this.confirmed = false;
  }
}
