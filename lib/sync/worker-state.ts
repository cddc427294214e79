// Keys and shapes of what the worker publishes in app_state for every instance's desk.
export const CREDENTIALS_KEY = 'upstream.credentials';
export const PING_KEY = 'upstream.ping';
export const KEY_INFO_KEY = 'upstream.key';
export const BALANCE_KEY = 'upstream.balance';

export type CredentialsStatus = { rejected: boolean; since: string | null; message: string | null };
export type PingStatus = {
  at: string;
  ok: boolean;
  operators: Record<string, string>;
  error: string | null;
};
export type BalanceStatus = { at: string; balance: string };
