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

  get isOpen() {
    return this.rejected;
  }

  recordSuccess(at: number) {
    this.failures = 0;
    this.lastSuccess = at;
  }

  recordFailure(error: OneClickError) {
    if (isKeyRefusal(error)) {
      this.failures += 1;
      if (this.failures >= AUTH_FAILURES_BEFORE_STOP) this.rejected = true;
    } else if (KEY_ACCEPTED_KINDS.has(error.kind)) {
      this.failures = 0;
    }
  }

  reset() {
    this.failures = 0;
    this.rejected = false;
  }

  state(): CredentialsState {
    return {
      credentialsRejected: this.rejected,
      consecutiveAuthFailures: this.failures,
      lastSuccessAt: this.lastSuccess,
    };
  }
}
