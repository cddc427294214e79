import type { ServerResponse } from 'node:http';
import type { ApiError } from './envelope';
import { pick, type Random } from './random';

/**
 * What can go wrong between the desk and the upstream. `5xx` picks 500 or 503. Faults that
 * are answered before the request is handled (429, 503) leave no trace; the others (500,
 * timeout, html, truncated, reset) strike after the handler ran — the work is done and only
 * the answer is lost, which is the case a client must not double up on.
 */
export const FAULT_KINDS = [
  'latency',
  '5xx',
  '500',
  '503',
  '429',
  'timeout',
  'html',
  'truncated',
  'reset',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type FaultOptions = {
  /** Share of requests that get a fault, 0..1. */
  rate: number;
  kinds?: readonly FaultKind[];
  /** Added delay for `latency`. Default 1500 ms. */
  latencyMs?: number;
  /** Retry-After sent with 429 and 503. Default 1 s. */
  retryAfterS?: number;
  /** How long a `timeout` holds the answer back. Default 30 s (beyond any sane client timeout). */
  hangMs?: number;
  /** Only paths under /v3 starting with one of these get random faults. */
  paths?: readonly string[];
};

export type QueuedFault = { kind: FaultKind; path?: string };

export const DEFAULT_FAULT_KINDS: readonly FaultKind[] = [
  'latency',
  '5xx',
  '429',
  'timeout',
  'html',
  'truncated',
];

export function createFaultInjector(random: Random, initial?: FaultOptions) {
  let options = initial;
  const queue: QueuedFault[] = [];

  return {
    set(next: FaultOptions | undefined) {
      options = next;
    },
    get options() {
      return options;
    },
    /** Forces faults on the next matching requests, in order, whatever the rate. */
    queue(kind: FaultKind, opts: { path?: string; times?: number } = {}) {
      for (let i = 0; i < (opts.times ?? 1); i++) queue.push({ kind, path: opts.path });
    },
    clearQueue() {
      queue.length = 0;
    },
    /** The fault for this request, if any. `5xx` is resolved to a concrete status here. */
    decide(path: string): Exclude<FaultKind, '5xx'> | undefined {
      const index = queue.findIndex((f) => !f.path || path.startsWith(f.path));
      let kind: FaultKind | undefined;
      if (index >= 0) kind = queue.splice(index, 1)[0]?.kind;
      else if (options && options.rate > 0 && matches(options, path) && random() < options.rate) {
        kind = pick(random, options.kinds?.length ? options.kinds : DEFAULT_FAULT_KINDS);
      }
      if (kind === '5xx') return random() < 0.5 ? '500' : '503';
      return kind;
    },
  };
}

function matches(options: FaultOptions, path: string) {
  return !options.paths?.length || options.paths.some((prefix) => path.startsWith(prefix));
}

export const isEarlyFault = (kind: string): kind is '429' | '503' =>
  kind === '429' || kind === '503';

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>Service temporarily unavailable</h1><p>Please try again later.</p></body></html>';

/** Writes the faulty answer for kinds that replace the real one. */
export function writeFault(
  res: ServerResponse,
  kind: 'html' | 'truncated' | 'reset',
  realBody: string,
) {
  if (kind === 'reset') {
    res.socket?.destroy();
    return;
  }
  if (kind === 'html') {
    // A 200 HTML page, as a captive portal or a misrouted proxy sends: not the contract.
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(HTML_PAGE);
    return;
  }
  // A complete HTTP answer whose JSON stops half-way (a proxy buffer cut, a crashed writer).
  const cut = realBody.slice(0, Math.max(1, Math.floor(realBody.length / 2)));
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(cut);
}

/** The answer a gateway gives for 429 / 503 faults, before the request reaches the handler. */
export function earlyFaultAnswer(kind: '429' | '503', retryAfterS = 1): ApiError {
  const headers = { 'Retry-After': String(retryAfterS) };
  return kind === '429'
    ? { status: 429, code: 'TOO_MANY_REQUESTS', message: 'Too many requests', headers }
    : {
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: 'Service temporarily unavailable',
        headers,
      };
}
