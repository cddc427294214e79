import 'server-only';
import { randomUUID } from 'node:crypto';
import type { CallGate, CredentialsState } from './circuit';
import { OneClickError } from './errors';
import type { FetchLike } from './http';
import { getOp, type PageParams, pageQuery, pathParam, withMetaPagination } from './paths';
import { type CallInfo, type CallOptions, createRequester, type OneClickResult } from './request';
import { type Topup, topupPageSchema, topupSchema } from './schemas';
import {
  balanceResultSchema,
  pingResultSchema,
  plansResultSchema,
  transactionPageSchema,
  validateResultSchema,
} from './schemas-account';
import { createSend } from './send';

export const DEFAULT_BASE_URL = 'https://api.oneclickdz.com/v3';

export type OneClickClientOptions = {
  apiKey: string;
  baseUrl?: string;
  /** Deadline for one HTTP exchange, body included. Default 10 000. */
  timeoutMs?: number;
  /** Extra tries for GET calls after a network error, timeout, 5xx or 429. Default 3. */
  maxRetries?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** A Retry-After longer than this is not waited for; the error goes to the caller. */
  maxRetryAfterMs?: number;
  /** How many check-ref lookups settle a send in doubt, `sendResolveDelayMs` apart. */
  sendResolveAttempts?: number;
  sendResolveDelayMs?: number;
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  generateRef?: () => string;
  onCall?: (info: CallInfo) => void;
  /** Where the key's standing is kept (lib/sync/credentials.ts: Postgres); default in memory. */
  gate?: CallGate;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createOneClickClient(options: OneClickClientOptions) {
  if (!options.apiKey) throw new Error('createOneClickClient: apiKey is required');
  let apiKey = options.apiKey;
  const sleep = options.sleep ?? realSleep;
  const { request, gate } = createRequester({
    getApiKey: () => apiKey,
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRetries: options.maxRetries ?? 3,
    backoff: { baseMs: options.backoffBaseMs ?? 250, capMs: options.backoffCapMs ?? 8_000 },
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    sleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    onCall: options.onCall,
    gate: options.gate,
  });

  // Async wrappers so a bad argument rejects like any other failure instead of throwing.
  // An answer about another order than the one asked for is garbled, whatever it says: the
  // refund and "check now" act on it.
  const checkRef = async (ref: string, call?: CallOptions) =>
    answeredFor(
      'ref',
      ref,
      await request(
        getOp('checkRef', `/mobile/check-ref/${pathParam('ref', ref)}`, topupSchema),
        call,
      ),
    );
  const checkId = async (id: string, call?: CallOptions) =>
    answeredFor(
      'id',
      id,
      await request(getOp('checkId', `/mobile/check-id/${pathParam('id', id)}`, topupSchema), call),
    );

  return {
    validate: async (call?: CallOptions) =>
      request(getOp('validate', '/validate', validateResultSchema), call),
    ping: async (call?: CallOptions) =>
      request({ ...getOp('ping', '/ping', pingResultSchema), keyless: true }, call),
    balance: async (call?: CallOptions) =>
      request(getOp('balance', '/account/balance', balanceResultSchema), call),
    transactions: async (params: PageParams = {}, call?: CallOptions) =>
      request(
        getOp(
          'transactions',
          `/account/transactions${pageQuery(params)}`,
          transactionPageSchema,
          withMetaPagination,
        ),
        call,
      ),
    plans: async (call?: CallOptions) =>
      request(getOp('plans', '/mobile/plans', plansResultSchema), call),
    send: createSend({
      request,
      checkRef: (ref) => checkRef(ref),
      generateRef: options.generateRef ?? (() => `fd-${randomUUID()}`),
      sleep,
      resolveAttempts: options.sendResolveAttempts ?? 2,
      resolveDelayMs: options.sendResolveDelayMs ?? 2_000,
    }),
    checkId,
    checkRef,
    list: async (params: PageParams = {}, call?: CallOptions) =>
      request(
        getOp('list', `/mobile/list${pageQuery(params)}`, topupPageSchema, withMetaPagination),
        call,
      ),
    state: (): CredentialsState => gate.state(),
    /** The key's standing, re-read where it is shared (another instance may have learned). */
    async refreshState(): Promise<CredentialsState> {
      await gate.refresh?.();
      return gate.state();
    },
    /** Re-arms the client after the key was fixed; pass the new key if it changed. */
    async resetCredentials(newApiKey?: string) {
      if (newApiKey) apiKey = newApiKey;
      await gate.reset();
    },
  };
}

/** The top-up in a check-id / check-ref answer must be the one asked for. */
function answeredFor<R extends OneClickResult<Topup>>(by: 'id' | 'ref', asked: string, res: R): R {
  const got = by === 'id' ? res.data._id : res.data.ref;
  if (got === asked) return res;
  throw new OneClickError({
    kind: 'malformed',
    requestId: res.requestId,
    message: `check-${by} ${asked} answered for ${by} ${JSON.stringify(got ?? null)}`,
  });
}

export type OneClickClient = ReturnType<typeof createOneClickClient>;
export type { PageParams } from './paths';
export type { CallInfo, CallOptions, OneClickResult } from './request';
export type { SendInput, SendResponse } from './send';
