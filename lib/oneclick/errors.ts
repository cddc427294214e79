export const ONECLICK_ERROR_KINDS = [
  'auth',
  'ip_blocked',
  'credentials_rejected',
  'insufficient_balance',
  'duplicate_ref',
  'validation',
  'not_found',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'malformed',
] as const;
export type OneClickErrorKind = (typeof ONECLICK_ERROR_KINDS)[number];

export type OneClickErrorInit = {
  kind: OneClickErrorKind;
  message: string;
  httpStatus?: number;
  /** The upstream's own code (`INVALID_ACCESS_TOKEN`, `ERR_VALIDATION`, …) when it sent one. */
  code?: string;
  requestId?: string;
  details?: Record<string, unknown>;
  attemptsLeft?: number;
  field?: string;
  value?: unknown;
  retryAfterMs?: number;
  /** Set on a failed send whose order may or may not exist upstream. */
  outcomeUnknown?: boolean;
  /** The ref a failed send used, so the caller can look the order up later with it. */
  ref?: string;
  cause?: unknown;
};

/** Every failure of the OneClick client, classified once so callers branch on `kind`. */
/**
 * Next.js can load this module more than once (the instrumentation bundle that created the
 * shared client, and a server action's bundle), so `instanceof` alone is not enough: a
 * process-wide brand recognises errors from any copy of the class.
 */
const BRAND = Symbol.for('flexy-desk.OneClickError');

export class OneClickError extends Error {
  override readonly name = 'OneClickError';
  readonly kind: OneClickErrorKind;
  readonly httpStatus?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly details?: Record<string, unknown>;
  readonly attemptsLeft?: number;
  readonly field?: string;
  readonly value?: unknown;
  readonly retryAfterMs?: number;
  readonly outcomeUnknown: boolean;
  readonly ref?: string;

  constructor(init: OneClickErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.requestId = init.requestId;
    this.details = init.details;
    this.attemptsLeft = init.attemptsLeft;
    this.field = init.field;
    this.value = init.value;
    this.retryAfterMs = init.retryAfterMs;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    Object.defineProperty(this, BRAND, { value: true });
    this.ref = init.ref;
  }

  /** A copy with some fields changed (errors are immutable once thrown). */
  with(changes: Partial<OneClickErrorInit>): OneClickError {
    return new OneClickError({ ...this.init(), cause: this.cause, ...changes });
  }

  /** A plain object for logs: no stack, no cause chain. */
  toJSON() {
    return { name: this.name, ...this.init() };
  }

  private init(): OneClickErrorInit {
    return {
      kind: this.kind,
      message: this.message,
      httpStatus: this.httpStatus,
      code: this.code,
      requestId: this.requestId,
      details: this.details,
      attemptsLeft: this.attemptsLeft,
      field: this.field,
      value: this.value,
      retryAfterMs: this.retryAfterMs,
      outcomeUnknown: this.outcomeUnknown,
      ref: this.ref,
    };
  }
}

export function isOneClickError(error: unknown): error is OneClickError {
  return (
    error instanceof OneClickError ||
    (typeof error === 'object' && error !== null && BRAND in error)
  );
}

/**
 * Removes a secret from an error's text and details. The key is only ever sent as a header,
 * but an upstream or proxy may echo it back ("invalid token abc…"), and errors get logged.
 */
export function redactSecret(error: OneClickError, secret: string): OneClickError {
  if (!secret) return error;
  const scrub = (text: string) => text.split(secret).join('[redacted]');
  const details = error.details && JSON.stringify(error.details);
  const value = typeof error.value === 'string' ? scrub(error.value) : error.value;
  if (!error.message.includes(secret) && !details?.includes(secret) && value === error.value) {
    return error;
  }
  return error.with({
    message: scrub(error.message),
    details: details ? JSON.parse(scrub(details)) : undefined,
    value,
  });
}
