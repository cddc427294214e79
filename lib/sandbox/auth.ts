import type { Clock } from './clock';
import type { ApiError } from './envelope';

export const MAX_FAILED_ATTEMPTS = 5;
export const BLOCK_MS = 15 * 60_000;

type IpRecord = { failures: number; blockedUntil?: number };
/** Wrong keys counted for an IP, and until when (clock ms) it is blocked, if it is. */
export type AuthState = IpRecord;

/**
 * The upstream's key check: a wrong key answers 401 with the attempts left for this IP; the
 * fifth wrong key blocks the IP for 15 minutes, during which every call (even with a good key)
 * answers 403 IP_BLOCKED. A good key clears the count. MISSING_ACCESS_TOKEN is answered with
 * 401 as on the error-handling page (the validate page says 400).
 */
export function createAuthGuard(keys: ReadonlySet<string>, clock: Clock) {
  const ips = new Map<string, IpRecord>();

  function check(ip: string, token: string | undefined): ApiError | undefined {
    const now = clock.now();
    const record = ips.get(ip) ?? { failures: 0 };
    if (record.blockedUntil !== undefined) {
      if (now < record.blockedUntil) return blocked(record.blockedUntil);
      ips.delete(ip);
      record.failures = 0;
      record.blockedUntil = undefined;
    }
    if (!token) {
      return { status: 401, code: 'MISSING_ACCESS_TOKEN', message: 'Access token is required' };
    }
    if (keys.has(token)) {
      ips.delete(ip);
      return undefined;
    }
    record.failures += 1;
    if (record.failures >= MAX_FAILED_ATTEMPTS) record.blockedUntil = now + BLOCK_MS;
    ips.set(ip, record);
    return {
      status: 401,
      code: 'INVALID_ACCESS_TOKEN',
      message: 'Invalid access token',
      details: { attemptsLeft: Math.max(0, MAX_FAILED_ATTEMPTS - record.failures) },
    };
  }

  /**
   * What the next call from `ip` will meet: a block that has run out reads as cleared, since
   * `check` would clear it. Node may report an IPv4 peer in its IPv6-mapped form.
   */
  function state(ip: string): AuthState {
    const record = ips.get(ip) ?? ips.get(`::ffff:${ip}`);
    if (!record) return { failures: 0 };
    const { failures, blockedUntil } = record;
    if (blockedUntil === undefined) return { failures };
    return blockedUntil > clock.now() ? { failures, blockedUntil } : { failures: 0 };
  }

  return { check, state, reset: () => ips.clear() };
}

function blocked(until: number): ApiError {
  return {
    status: 403,
    code: 'IP_BLOCKED',
    message: 'Too many failed attempts. Your IP is blocked for 15 minutes',
    details: { blockedUntil: new Date(until).toISOString() },
  };
}
