import 'server-only';
import type { z } from 'zod';
import { type BackoffPolicy, backoffDelay } from '../backoff';
import { type Admission, type CallGate, MemoryGate, type Verdict, verdictOf } from './circuit';
import { OneClickError, type OneClickErrorKind, redactSecret } from './errors';
import { exchange, type FetchLike } from './http';
import { type Envelope, parseData, readEnvelope } from './response';
import { isTransient } from './retry';
import type { Meta } from './schemas';

export type CallInfo = {
  method: 'GET' | 'POST';
  /** Path under the base URL, query included; never the key. */
  path: string;
  /** Stable operation name for metrics (`checkId`, `send`, …), unlike `path`. */
  operation: string;
  status?: number;
  durationMs: number;
  requestId?: string;
  /** 0 for the first try, then 1, 2… for GET retries. */
  attempt: number;
  errorKind?: OneClickErrorKind;
};

export type OneClickResult<T> = { data: T; requestId?: string; meta?: Meta };
export type CallOptions = { signal?: AbortSignal };

export type Operation<S extends z.ZodType> = {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  schema: S;
  body?: unknown;
  /** Reshapes `data` before parsing (pagination may sit in `meta`). */
  prepare?: (envelope: Envelope) => unknown;
  /** The upstream answers without checking the key (/ping): a success proves nothing about it. */
  keyless?: boolean;
};

export type RequesterConfig = {
  getApiKey: () => string;
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  backoff: BackoffPolicy;
  maxRetryAfterMs: number;
  fetch: FetchLike;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  onCall?: (info: CallInfo) => void;
  /** Where the key's standing is kept; by default in this process only. */
  gate?: CallGate;
};

/** The call pipeline: credentials gate → HTTP → envelope → schema, with GET retries. */
export function createRequester(config: RequesterConfig) {
  const { now } = config;
  const gate: CallGate = config.gate ?? new MemoryGate(now);

  function observe(info: CallInfo) {
    try {
      config.onCall?.(info);
    } catch {
      // An observer is for logs and metrics; its bugs must not change a call's outcome.
    }
  }

  async function attemptOnce<S extends z.ZodType>(
    op: Operation<S>,
    attempt: number,
    call?: CallOptions,
  ) {
    const base = { method: op.method, path: op.path, operation: op.name, attempt };
    let admission: Admission;
    try {
      admission = await gate.admit();
    } catch (error) {
      const kind = error instanceof OneClickError ? error.kind : 'credentials_rejected';
      observe({ ...base, durationMs: 0, errorKind: kind });
      throw error;
    }
    let verdict: Verdict = { kind: 'neutral' };
    try {
      const result = await attemptAdmitted(op, base, call);
      if (!op.keyless) verdict = { kind: 'accepted', at: now() };
      return result;
    } catch (error) {
      if (error instanceof OneClickError) verdict = verdictOf(error, now());
      throw error;
    } finally {
      await admission.release(verdict);
    }
  }

  async function attemptAdmitted<S extends z.ZodType>(
    op: Operation<S>,
    base: Pick<CallInfo, 'method' | 'path' | 'operation' | 'attempt'>,
    call?: CallOptions,
  ) {
    const apiKey = config.getApiKey();
    const started = now();
    let status: number | undefined;
    try {
      const raw = await exchange({
        fetch: config.fetch,
        url: `${config.baseUrl}${op.path}`,
        method: op.method,
        apiKey,
        body: op.body,
        timeoutMs: config.timeoutMs,
        signal: call?.signal,
      });
      status = raw.status;
      const envelope = readEnvelope(raw, now());
      const input = { ...envelope, data: op.prepare ? op.prepare(envelope) : envelope.data };
      const data: z.output<S> = parseData(op.schema, input, raw.status);
      const requestId = envelope.requestId ?? envelope.meta?.requestId;
      observe({ ...base, status, requestId, durationMs: now() - started });
      return { data, requestId, meta: envelope.meta };
    } catch (caught) {
      const classified =
        caught instanceof OneClickError
          ? caught
          : new OneClickError({ kind: 'network', message: String(caught), cause: caught });
      const error = redactSecret(classified, apiKey);
      const durationMs = now() - started;
      observe({ ...base, status, requestId: error.requestId, durationMs, errorKind: error.kind });
      throw error;
    }
  }

  async function request<S extends z.ZodType>(
    op: Operation<S>,
    call?: CallOptions,
  ): Promise<OneClickResult<z.output<S>>> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await attemptOnce(op, attempt, call);
      } catch (error) {
        if (!(error instanceof OneClickError)) throw error;
        // POST is never repeated here: a second send could top up the same phone twice.
        const retryable = op.method === 'GET' && isTransient(error) && !call?.signal?.aborted;
        if (!retryable || attempt >= config.maxRetries) throw error;
        const { retryAfterMs } = error;
        if (retryAfterMs !== undefined && retryAfterMs > config.maxRetryAfterMs) throw error;
        await config.sleep(
          retryAfterMs ?? backoffDelay(attempt + 1, config.backoff, { random: config.random }),
        );
      }
    }
  }

  return { request, gate };
}

export type Request = ReturnType<typeof createRequester>['request'];
