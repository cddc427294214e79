import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuthGuard } from './auth';
import { systemClock } from './clock';
import { type CallLogEntry, createControls } from './controls';
import { envelopeBody, isApiError, newRequestId, validationError } from './envelope';
import { createFaultInjector, earlyFaultAnswer, isEarlyFault, writeFault } from './faults';
import { generateHistory } from './history';
import { headerValue, parseBody, readBody, writeJson } from './http';
import { toCents } from './money';
import type { Sandbox, SandboxOptions } from './options';
import { createPersister, loadSnapshot } from './persist';
import { type Random, seededRandom } from './random';
import { type OperatorStatus, PUBLIC_PATHS, type RouteAnswer, route } from './routes';
import { SandboxState } from './state';
import { startTraffic } from './traffic';
import { createVariants } from './variants';

export type { Sandbox, SandboxOptions } from './options';

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const clock = opts.clock ?? systemClock;
  const random: Random = opts.seed === undefined ? Math.random : seededRandom(opts.seed);
  const apiKeys = opts.apiKeys?.length ? opts.apiKeys : [`sbx_${randomUUID().replaceAll('-', '')}`];
  const unknownResolution = opts.unknownErrorResolution ?? {
    afterMs: 2 * 3_600_000,
    outcome: 'REFUNDED',
  };
  const loaded = (opts.stateFile && loadSnapshot(opts.stateFile)) || undefined;
  const generating = performance.now();
  const initial =
    loaded ??
    (opts.history && opts.history.days > 0
      ? generateHistory({ ...opts.history, end: clock.now() })
      : undefined);
  const history =
    !loaded && initial
      ? {
          orders: initial.topups.length,
          ledgerRows: initial.ledger.length,
          ms: performance.now() - generating,
        }
      : null;
  const persister = opts.stateFile
    ? createPersister(opts.stateFile, () => state.snapshot())
    : undefined;
  const state: SandboxState = new SandboxState(
    initial ?? SandboxState.empty(toCents(opts.balance ?? 100_000)),
    random,
    () => persister?.schedule(),
  );
  // Saved at once, so a restart finds the same history instead of generating another.
  if (history) await persister?.flush();
  const auth = createAuthGuard(new Set(apiKeys), clock);
  const faults = createFaultInjector(random, opts.faults);
  const operators: OperatorStatus = {
    mobilis: 'up',
    ooredoo: 'up',
    djezzy: 'up',
    mobilisFixedPlans: 'up',
  };
  const callLog: CallLogEntry[] = [];
  const variants = createVariants({ envelope: opts.envelope, extraFields: opts.extraFields });
  const timers = new Set<NodeJS.Timeout>();
  const routeCtx = {
    state,
    clock,
    random,
    operators,
    unknownResolution,
    username: opts.username ?? '+213555000000',
    presentTopup: variants.presentTopup,
  };

  // Real-time waits (latency, hangs); cancelled on close so the process can exit.
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  /** What the upstream itself would answer, faults aside. */
  function answer(
    req: IncomingMessage,
    path: string,
    url: URL,
    body: ReturnType<typeof parseBody>,
  ) {
    state.settle(clock.now());
    const token = headerValue(req, 'x-access-token');
    if (!PUBLIC_PATHS.has(path)) {
      const denied = auth.check(req.socket.remoteAddress ?? 'unknown', token);
      if (denied) return denied;
    }
    if (body.invalid) return validationError('body', undefined, 'body is not valid JSON');
    const method = req.method ?? 'GET';
    return route({ method, path, query: url.searchParams, body: body.value, token }, routeCtx);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const entry: CallLogEntry = {
      method: req.method ?? 'GET',
      path: url.pathname,
      at: clock.now(),
    };
    callLog.push(entry);
    const body = parseBody(req.method === 'POST' ? await readBody(req) : '');
    const sentRef = (body.value as { ref?: unknown } | undefined)?.ref;
    if (typeof sentRef === 'string') entry.ref = sentRef;
    const path = url.pathname.startsWith('/v3/') ? url.pathname.slice(3) : url.pathname;
    const fault = faults.decide(path);
    if (fault) entry.fault = fault;
    const faultOpts = faults.options;
    if (fault === 'latency') await wait(faultOpts?.latencyMs ?? 1_500);

    const result: RouteAnswer =
      fault && isEarlyFault(fault)
        ? earlyFaultAnswer(fault, faultOpts?.retryAfterS)
        : url.pathname.startsWith('/v3/')
          ? answer(req, path, url, body)
          : { status: 404, code: 'NOT_FOUND', message: `Route ${url.pathname} not found` };
    if (result.topupId) entry.topupId = result.topupId;
    if (result.ref) entry.ref = result.ref;

    const now = clock.now();
    const requestId = newRequestId(now, random);
    const shape = variants.envelopeShape();
    const envelope = envelopeBody(result, now, requestId, shape);
    if (fault === '500') {
      entry.status = 500;
      const failure = { status: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' };
      writeJson(res, 500, envelopeBody(failure, now, requestId, shape));
    } else if (fault === 'html' || fault === 'truncated' || fault === 'reset') {
      entry.status = fault === 'reset' ? undefined : 200;
      writeFault(res, fault, JSON.stringify(envelope));
    } else {
      if (fault === 'timeout') await wait(faultOpts?.hangMs ?? 30_000);
      entry.status = isApiError(result) ? result.status : 200;
      writeJson(res, entry.status, envelope, isApiError(result) ? result.headers : undefined);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('sandbox: request failed', error);
      if (!res.headersSent)
        writeJson(res, 500, {
          success: false,
          error: { code: 'INTERNAL_ERROR', message: 'sandbox bug' },
        });
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;

  const traffic = opts.traffic ?? { ordersPerMinute: 0 };
  const trafficCtx = { state, clock, random, options: traffic, unknownResolution };
  const stopTraffic = startTraffic(trafficCtx);
  const controls = createControls({
    ...trafficCtx,
    faults,
    callLog,
    operators,
    traffic,
    resetAuth: auth.reset,
    authState: auth.state,
    variants,
    flush: async () => persister?.flush(),
  });

  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/v3`,
    apiKey: apiKeys[0] as string,
    clock,
    controls,
    history,
    close() {
      closing ??= (async () => {
        stopTraffic();
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await persister?.flush();
      })();
      return closing;
    },
  };
}
