import type { OneClickError } from './errors';

export type CredentialsState = {
  credentialsRejected: boolean;
  consecutiveAuthFailures: number;
  lastSuccessAt: number | null;
};

/** Two invalid-key answers in a row stop all calls: the upstream blocks the IP after five. */
export const AUTH_FAILURES_BEFORE_STOP = 2;

const KEY_CODES = new Set(['INVALID_ACCESS_TOKEN', 'ERR_AUTH', 'MISSING_ACCESS_TOKEN']);

/** An answer that says our key itself was refused (not a scope or whitelist 403). */
function isKeyRefusal(error: OneClickError) {
  return error.kind === 'auth' && (KEY_CODES.has(error.code ?? '') || error.httpStatus === 401);
}

/** Answers that could only come after the upstream accepted the key. */
const KEY_ACCEPTED_KINDS = new Set([
  'validation',
  'not_found',
  'duplicate_ref',
  'insufficient_balance',
]);

export class CredentialsCircuit {
  private failures = 0;
  private rejected = false;
  private lastSuccess: number | null = null;
  /** The upstream has accepted the key since it was last refused (or set). */
  private confirmed = false;
  /** The one call in flight while the key is not confirmed. */
  private probe: Promise<void> | null = null;

  get isOpen() {
    return this.rejected;
  }

  /**
   * Waits for a turn to call. Until the upstream has accepted the key, calls go one at a time:
   * ten calls sent together with a bad key would otherwise all be refused, and five refusals
   * block the IP. Once the key is confirmed, calls run in parallel. Resolves to a release
   * function; resolves `null` when the circuit is open.
   */
  async admit(): Promise<(() => void) | null> {
    for (;;) {
      if (this.rejected) return null;
      if (this.confirmed) return () => {};
      if (!this.probe) {
        let done = () => {};
        this.probe = new Promise<void>((resolve) => {
          done = resolve;
        });
        return () => {
          this.probe = null;
          done();
        };
      }
      await this.probe;
    }
  }

  recordSuccess(at: number) {
    this.failures = 0;
    this.lastSuccess = at;
    this.confirmed = true;
  }

  recordFailure(error: OneClickError) {
    if (isKeyRefusal(error)) {
      this.failures += 1;
      this.confirmed = false;
      if (this.failures >= AUTH_FAILURES_BEFORE_STOP) this.rejected = true;
    } else if (KEY_ACCEPTED_KINDS.has(error.kind)) {
      this.failures = 0;
      this.confirmed = true;
    }
  }

  reset() {
    this.failures = 0;
    this.rejected = false;
    this.confirmed = false;
  }

  state(): CredentialsState {
    return {
      credentialsRejected: this.rejected,
      consecutiveAuthFailures: this.failures,
      lastSuccessAt: this.lastSuccess,
    };
  }
}
