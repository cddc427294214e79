// The worker side of `npm run bench:sync`: the status engine alone in its own process, as in
// production (`npm run worker`), so its CPU (engine, upstream client, Postgres client) is
// measured apart from the emulator and the docs' loop. The bench owns the simulated clock: it
// sends `tick` with the time, this process runs one engine tick at that time and answers.
// `init` starts a volume on a new database in the same process, so every measured volume runs
// on code already warmed up, as in a long-running worker.
import { createDb } from '../db/client';
import { createOneClickClient } from '../lib/oneclick/client';
import { createEngine } from '../lib/sync/engine';

export const WORKER_APP_NAME = 'flexy-bench-worker';

export type ToWorker =
  | { type: 'init'; url: string; baseUrl: string; apiKey: string; nowMs: number }
  | { type: 'tick'; nowMs: number }
  | { type: 'report' }
  | { type: 'exit' };

/** One engine tick: its time, and whether it called the upstream at all. */
export type TickTiming = { wallMs: number; cpuMs: number; idle: boolean };
export type WorkerReport = {
  cpuMs: number;
  /** Statements sent to Postgres (transaction control included). */
  queries: number;
  calls: { list: number; check: number };
  /** Top-ups read from list pages. */
  listItems: number;
  ticks: TickTiming[];
};
export type FromWorker =
  | { type: 'ready' }
  | { type: 'ticked' }
  | { type: 'report'; report: WorkerReport }
  | { type: 'error'; message: string };

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

function serve() {
  let now = 0;
  let engine: ReturnType<typeof createEngine> | undefined;
  let close: (() => Promise<void>) | undefined;
  let started: NodeJS.CpuUsage | undefined;
  const calls = { list: 0, check: 0 };
  let queries = 0;
  let listItems = 0;
  const ticks: TickTiming[] = [];
  const send = (msg: FromWorker) => process.send?.(msg);

  async function handle(msg: ToWorker) {
    if (msg.type === 'init') {
      // A new volume on a new database: the same warm process, counting from zero.
      await close?.();
      Object.assign(calls, { list: 0, check: 0 });
      queries = 0;
      listItems = 0;
      ticks.length = 0;
      now = msg.nowMs;
      // One pool whose connections live as long as the run: their Postgres CPU is found by name.
      const { db, pool } = createDb(msg.url, 10, {
        applicationName: WORKER_APP_NAME,
        idleTimeoutMillis: 0,
      });
      close = () => pool.end();
      pool.on('connect', (client) => {
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        (client as { query: unknown }).query = (...args: unknown[]) => {
          queries++;
          return query(...args);
        };
      });
      const client = createOneClickClient({
        apiKey: msg.apiKey,
        baseUrl: msg.baseUrl,
        now: () => now,
        // As in the sync tests: a retry happens on a later tick, not in a real sleep.
        maxRetries: 0,
        sleep: async () => {},
        onCall: (i) => (i.operation === 'list' ? calls.list++ : calls.check++),
      });
      const counted = {
        ...client,
        list: async (...args: Parameters<typeof client.list>) => {
          const res = await client.list(...args);
          listItems += res.data.items.length;
          return res;
        },
      };
      engine = createEngine({ db, client: counted, now: () => now, workerId: 'bench' });
      started = process.cpuUsage();
      return send({ type: 'ready' });
    }
    if (msg.type === 'tick') {
      now = msg.nowMs;
      const wall = performance.now();
      const cpu = process.cpuUsage();
      const done = await engine?.tick();
      ticks.push({
        wallMs: performance.now() - wall,
        cpuMs: cpuMs(process.cpuUsage(cpu)),
        idle: !done || done.listCalls + done.checked + done.errors === 0,
      });
      return send({ type: 'ticked' });
    }
    if (msg.type === 'report')
      return send({
        type: 'report',
        report: { cpuMs: cpuMs(process.cpuUsage(started)), queries, calls, listItems, ticks },
      });
    await close?.();
    process.exit(0);
  }

  process.on('message', (msg: ToWorker) => {
    handle(msg).catch((error) =>
      send({ type: 'error', message: error instanceof Error ? (error.stack ?? '') : `${error}` }),
    );
  });
}

if (process.send) serve();
