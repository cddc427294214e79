import type { OneClickError } from './errors';

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** Failures worth repeating a GET for: the request may never have been served. */
export function isTransient(error: OneClickError) {
  return (
    error.kind === 'network' ||
    error.kind === 'timeout' ||
    error.kind === 'server' ||
    error.kind === 'rate_limited'
  );
}

/** Failures after which a send may or may not have created an order upstream. */
export function leavesSendInDoubt(error: OneClickError) {
  // A garbled 2xx body counts: the upstream answered "OK" and we could not read what.
  return (
    error.kind === 'network' ||
    error.kind === 'timeout' ||
    error.kind === 'server' ||
    error.kind === 'malformed'
  );
}
