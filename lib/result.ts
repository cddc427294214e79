import type { Key } from './i18n';

// What a service answers: the value, or a refusal a person can act on ("this email is taken",
// "checked 4 s ago, wait 6 s"). The front doors map it to their own output: defineAction to
// `{ ok: false, error }` in the person's language, the token API to a status code, a route to a
// page. Unexpected failures stay exceptions.

const REFUSED = Symbol.for('flexy-desk.refused');

export type Refused = {
  readonly [REFUSED]: true;
  reason: Key;
  params?: Record<string, string | number>;
  /** The form field at fault, if one is. */
  field?: string;
  /** The service already wrote the audit row (through the sink its caller gave it). */
  audited?: boolean;
  /** "Not now": the same request may succeed after this many seconds. */
  retryAfterS?: number;
};

export function refused(reason: Key, opts: Omit<Refused, typeof REFUSED | 'reason'> = {}): Refused {
  return { [REFUSED]: true, reason, ...opts };
}

export function isRefused(value: unknown): value is Refused {
  return typeof value === 'object' && value !== null && REFUSED in value;
}
