// Keys and shapes of what the worker publishes in app_state for every instance's desk.
export const PING_KEY = 'upstream.ping';
export const KEY_INFO_KEY = 'upstream.key';
export const BALANCE_KEY = 'upstream.balance';

export type PingStatus = {
  at: string;
  ok: boolean;
  operators: Record<string, string>;
  error: string | null;
};
export type BalanceStatus = { at: string; balance: string };

/** A background duty that failed and waits before running again (one key per worker). */
export type DutyBackoff = { failures: number; error: string; retryAt: string };
export const DUTIES_PREFIX = 'sync.duties:';
export const dutiesKey = (workerId: string) => `${DUTIES_PREFIX}${workerId}`;
