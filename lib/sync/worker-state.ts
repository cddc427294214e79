// Keys and shapes of what the worker publishes about the upstream in app_state for every
// instance's desk (written by lib/sync/probe.ts).
export const PING_KEY = 'upstream.ping';
export const KEY_INFO_KEY = 'upstream.key';
export const BALANCE_KEY = 'upstream.balance';
/** When any process last had an answer from the upstream (ISO time), flushed every few seconds. */
export const LAST_SUCCESS_KEY = 'upstream.last_success';

export type PingStatus = {
  at: string;
  ok: boolean;
  operators: Record<string, string>;
  error: string | null;
};
export type BalanceStatus = { at: string; balance: string };
