// How long the desk's HTTP requests take, for GET /api/metrics. The desk's server
// (scripts/serve.mjs) wraps Next.js in the same process, so it sees every request from its
// first byte in to its last byte out, static files and server actions included, whichever
// route answered; Next itself offers no hook that sees the response finish. `npm run dev`
// (`next dev`, no such server) records nothing here.
//
// Plain JavaScript so serve.mjs loads it without a compiler (types: http-requests.d.ts). The
// histogram lives on globalThis under a registered symbol: the server and Next's bundle each
// load their own copy of this file (and of prom-client), and they must share one histogram.
import { Histogram } from 'prom-client';

const KEY = Symbol.for('flexy.metrics.http-request-duration');
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const PROBES = new Set(['/api/health', '/api/metrics']);

/** The process's histogram, made on first use; no registry of its own (lib/metrics/registry.ts adds it). */
export function httpRequestDuration() {
  globalThis[KEY] ??= new Histogram({
    name: 'flexy_http_request_duration_seconds',
    help: 'HTTP requests served by this web process, from the first byte in to the last byte out.',
    labelNames: ['method', 'group', 'status_class'],
    buckets: [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [],
  });
  return globalThis[KEY];
}

/**
 * A few fixed groups rather than paths, which carry ids, phone numbers and refs: a label per
 * path would grow without end and put customer data in the monitoring.
 * @param {string} url the request's path and query
 * @param {Record<string, string | string[] | undefined>} headers
 */
export function routeGroup(url, headers) {
  const path = url.split('?')[0] ?? '';
  if (path.startsWith('/_next/') || /^\/[^/]+\.[a-z0-9]+$/i.test(path)) return 'static';
  if (headers['next-action']) return 'action';
  if (path.startsWith('/api/v1/')) return 'shop_api';
  if (PROBES.has(path.replace(/\/$/, ''))) return 'probe';
  if (path.startsWith('/api/')) return 'api';
  return 'page';
}

/** @param {number} status */
export function statusClass(status) {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}

/** @param {string | undefined} method */
export function methodLabel(method) {
  const upper = (method ?? '').toUpperCase();
  return METHODS.has(upper) ? upper : 'OTHER';
}

/**
 * Times one request until its response has finished. Requests the client abandons before the
 * end ('finish' never comes) are not counted: they have no status.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function observeRequest(req, res) {
  const start = performance.now();
  res.once('finish', () => {
    httpRequestDuration().observe(
      {
        method: methodLabel(req.method),
        group: routeGroup(req.url ?? '/', req.headers),
        status_class: statusClass(res.statusCode),
      },
      (performance.now() - start) / 1000,
    );
  });
}
