// The desk's web server: Next.js (the production build in .next) behind a thin Node server that
// adds what `next start` cannot:
// - a `Server-Timing` header on every page and route (the session check, the database by
//   table, the rest), recorded by lib/perf/server-timing.ts inside the app;
// - the build's JavaScript and CSS sent brotli-compressed when the browser accepts it
//   (precompressed once at build time, lib/runtime/build.ts); Next itself only gzips. That is
//   ~15% fewer bytes on every cold page;
// - every request's duration, until its response finished, for GET /api/metrics
//   (lib/metrics/http-requests.js; Next runs in this process, so the route serves the same
//   histogram).
// scripts/start.ts runs it (`npm start`); so do the benches. Plain JavaScript: it runs with node
// alone, like `next start`.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

// As `next start` does: a production server, whatever the shell says (imported after this).
process.env.NODE_ENV = 'production';
const { default: next } = await import('next');
const { securityHeaders } = await import('../lib/runtime/security-headers.js');
const { observeRequest } = await import('../lib/metrics/http-requests.js');
const { drain } = await import('../lib/runtime/lifecycle.js');

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.LISTEN_HOST || undefined;
const dir = process.cwd();
const staticDir = path.join(dir, '.next', 'static');

// Shared with the app's copy of lib/perf/server-timing.ts, which also registers the formatter.
const STORE = Symbol.for('flexy.server-timing');
const FORMAT = Symbol.for('flexy.server-timing.format');
globalThis[STORE] ??= new AsyncLocalStorage();
/** @type {AsyncLocalStorage<{ start: number; spans: unknown[] }>} */
const timing = globalThis[STORE];

/** @type {Map<string, { path: string; size: number; type: string }>} */
const twins = new Map();

const TYPES = { '.js': 'application/javascript; charset=UTF-8', '.css': 'text/css; charset=UTF-8' };

/** A build file under /_next/static/ with its brotli twin, or null (then Next answers). */
function brotliFile(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const url = req.url ?? '';
  if (!url.startsWith('/_next/static/')) return null;
  if (!/\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''))) return null;
  let rel;
  try {
    rel = decodeURIComponent(url.slice('/_next/static/'.length).split('?')[0] ?? '');
  } catch {
    return null;
  }
  const file = path.resolve(staticDir, rel);
  const type = TYPES[path.extname(file)];
  if (!type || !file.startsWith(`${staticDir}${path.sep}`)) return null;
  // The build's files never change while the server runs: a twin found is remembered (a miss
  // is not, so requests for made-up names cannot grow the map).
  const known = twins.get(file);
  if (known) return known;
  try {
    const stat = statSync(`${file}.br`);
    if (!stat.isFile()) return null;
    const twin = { path: `${file}.br`, size: stat.size, type };
    twins.set(file, twin);
    return twin;
  } catch {
    return null;
  }
}

function sendBrotli(req, res, file) {
  for (const { key, value } of securityHeaders) res.setHeader(key, value);
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Encoding': 'br',
    'Content-Length': file.size,
    // The build's file names change with their content (what Next sends for them too).
    'Cache-Control': 'public, max-age=31536000, immutable',
    Vary: 'Accept-Encoding',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file.path).pipe(res);
}

const app = next({ dev: false, dir, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  observeRequest(req, res);
  const file = brotliFile(req);
  if (file) return sendBrotli(req, res, file);
  const record = { start: performance.now(), spans: [] };
  const writeHead = res.writeHead;
  res.writeHead = function timedWriteHead(...args) {
    const format = globalThis[FORMAT];
    if (typeof format === 'function' && !res.headersSent)
      res.setHeader('Server-Timing', format(record));
    return writeHead.apply(this, args);
  };
  timing.run(record, () => {
    handle(req, res).catch((error) => {
      console.error('[flexy] request failed:', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
});
server.listen(port, hostname, () => {
  process.stdout.write(`[flexy] web server listening on ${hostname ?? '0.0.0.0'}:${port}\n`);
});

// Stopping (a process manager's SIGTERM, or the launcher's): readiness answers 503 at once
// and the background worker stops claiming, finishes its batch and hands its leases back;
// requests keep being served for a moment (load balancers take the instance out), then the
// server stops accepting and finishes those in flight; then the process exits. Past
// SHUTDOWN_GRACE_MS it exits anyway, saying so.
const graceMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000);
const unreadyMs = Math.min(Number(process.env.SHUTDOWN_UNREADY_MS ?? 2_000), graceMs / 2);
let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'])
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    setTimeout(() => {
      console.error(`[flexy] still busy after ${graceMs} ms: exiting anyway`);
      process.exit(1);
    }, graceMs).unref();
    const drained = drain();
    await new Promise((resolve) => setTimeout(resolve, unreadyMs));
    const closed = new Promise((resolve) => server.close(resolve));
    // Keep-alive connections close as soon as their response is done.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await Promise.all([closed, drained]);
    clearInterval(idle);
    process.stdout.write('[flexy] web server stopped\n');
    process.exit(0);
  });
