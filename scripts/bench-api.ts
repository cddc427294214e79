// `npm run bench:api [-- --seconds 20 --clients 16]`: the shop's API under load, and what a
// person on the desk feels meanwhile. It seeds a private embedded Postgres (orders, and a shop
// token made by the app's token service), starts the production build against it, and runs
// `--clients` concurrent shop clients over real HTTP (keep-alive) for `--seconds`: half reads
// (GET /api/v1/topups/{id or ref}) and half idempotent re-registrations (POST /api/v1/topups
// with a held top-up's own body and an Idempotency-Key; each answers 200). A signed-in staff
// client requests the orders page back to back, first alone (the same-run reference) and then
// during the load. It also prints the server process's CPU time per API call, the figure the
// machine's noise moves least. `--cpu-prof DIR` writes a V8 CPU profile of the server to DIR.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createDb } from '../db/client';
import { createToken } from '../lib/api/token-admin';
import { migrateAndGrant } from '../lib/runtime/database';
import { startEmbeddedPostgres } from '../lib/runtime/embedded-postgres';
import { seedOrders } from '../lib/seed/run';
import { signIn, startBenchServer } from './bench-server';
import { printTable, quantile, runBench, timeIt } from './bench-util';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    clients: { type: 'string', default: '16' },
    orders: { type: 'string', default: '20000' },
    port: { type: 'string', default: '3391' },
    'cpu-prof': { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
const ORDERS = Number(args.orders);
const PORT = Number(args.port);
/** Held top-ups the clients spread their calls over. */
const KEYS = 500;
const STAFF_PAGE = '/orders';
const STAFF_IDLE_RUNS = 60;
/** Linux's USER_HZ, the unit of /proc/<pid>/stat times (100 on every common build). */
const CLOCK_TICKS = 100;
const say = (line: string) => process.stdout.write(`${line}\n`);

type Call = {
  kind: 'read' | 'register';
  method: string;
  path: string;
  body?: string;
  key?: string;
};
type Sample = { kind: Call['kind']; ms: number; status: number };

/** One request over a keep-alive agent: the status and the time to the last byte. */
function send(agent: http.Agent, base: string, token: string, call: Call): Promise<Sample> {
  const started = performance.now();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (call.body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(call.body));
  }
  if (call.key) headers['idempotency-key'] = call.key;
  return new Promise((resolve) => {
    const req = http.request(
      `${base}${call.path}`,
      { method: call.method, agent, headers },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            kind: call.kind,
            ms: performance.now() - started,
            status: res.statusCode ?? 0,
          }),
        );
        res.on('error', () =>
          resolve({ kind: call.kind, ms: performance.now() - started, status: 0 }),
        );
      },
    );
    req.on('error', () => resolve({ kind: call.kind, ms: performance.now() - started, status: 0 }));
    req.end(call.body);
  });
}

/** `clients` closed loops for `seconds`, each walking `pick(i)` from its own offset. */
async function load(
  agent: http.Agent,
  seconds: number,
  pick: (i: number) => Call,
  token: string,
  base: string,
): Promise<{ samples: Sample[]; elapsed: number }> {
  const samples: Sample[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async (n: number) => {
    for (let i = n * 31; performance.now() < deadline; i++)
      samples.push(await send(agent, base, token, pick(i)));
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  return { samples, elapsed: (performance.now() - started) / 1000 };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flexy-bench-api-'));
  // Durable like a real install (fsync on), and the desk runs as its runtime role, as in
  // production: a commit that writes costs what it costs.
  const pgServer = await startEmbeddedPostgres({ dataDir: dir, port: 0 });
  const { db, pool } = createDb(pgServer.url, 4);
  let server: Awaited<ReturnType<typeof startBenchServer>> | undefined;
  try {
    await migrateAndGrant(
      { migrationUrl: pgServer.url, runtimeUrl: pgServer.runtime.url },
      { warn: say, managedPassword: true },
    );
    say(`seeding ${ORDERS.toLocaleString('en')} orders…`);
    await seedOrders(pool, { orders: ORDERS, days: 90, seed: 20_260_116, batch: 10_000 });
    await pool.query('vacuum (analyze) topups, topup_events');

    // The shop's token, made the way the admin page makes it.
    const { token } = await db.transaction((tx) =>
      createToken(tx, { name: 'bench shop', createdBy: null, scopes: ['read', 'register'] }),
    );
    const held = await db.execute<{
      topup_id: string;
      ref: string | null;
      customer_ref: string | null;
      customer_price: string | null;
    }>(
      sql`select topup_id, ref, customer_ref, customer_price from topups
          where parent_pk is null order by md5(topup_id) limit ${KEYS}`,
    );
    const calls: Call[] = [];
    held.rows.forEach((row, i) => {
      const key = i % 2 === 0 || !row.ref ? row.topup_id : row.ref;
      calls.push({
        kind: 'read',
        method: 'GET',
        path: `/api/v1/topups/${encodeURIComponent(key)}`,
      });
      const body: Record<string, string> = { topupId: row.topup_id };
      if (row.ref) body.ref = row.ref;
      if (row.customer_ref) body.customerRef = row.customer_ref;
      if (row.customer_price) body.customerPrice = row.customer_price;
      calls.push({
        kind: 'register',
        method: 'POST',
        path: '/api/v1/topups',
        body: JSON.stringify(body),
        key: `bench-${row.topup_id}`,
      });
    });

    server = await startBenchServer({
      port: PORT,
      databaseUrl: pgServer.runtime.url,
      cpuProfileDir: args['cpu-prof'] ? path.resolve(args['cpu-prof']) : undefined,
      logFile: path.join(dir, 'server.log'),
    });
    const base = server.base;
    const cookie = await signIn(base, db);
    const staffPage = async () => {
      const res = await fetch(`${base}${STAFF_PAGE}`, { headers: { cookie }, redirect: 'manual' });
      await res.text();
      if (res.status !== 200) throw new Error(`GET ${STAFF_PAGE} → ${res.status}`);
    };
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

    // Warm up every route (first requests compile and fill caches), then the reference: the
    // staff page alone, with the server's CPU time per page.
    for (const call of calls.slice(0, 40)) {
      const s = await send(agent, base, token, call);
      if (s.status !== 200) throw new Error(`warm-up ${call.method} ${call.path} → ${s.status}`);
    }
    const pid = server.child.pid ?? 0;
    let cpu0 = serverCpuMs(pid);
    const staffIdle = await timeIt(staffPage, STAFF_IDLE_RUNS, 0);
    const cpuPerPage = (serverCpuMs(pid) - cpu0) / STAFF_IDLE_RUNS;

    // The load, with the staff client requesting its page back to back meanwhile.
    const staffLoaded: number[] = [];
    const staffUntil = performance.now() + SECONDS * 1000;
    const staff = async () => {
      while (performance.now() < staffUntil) {
        const t0 = performance.now();
        await staffPage();
        staffLoaded.push(performance.now() - t0);
      }
    };
    cpu0 = serverCpuMs(pid);
    const [{ samples, elapsed }] = await Promise.all([
      load(agent, SECONDS, (i) => calls[i % calls.length] as Call, token, base),
      staff(),
    ]);
    const serverCpu = serverCpuMs(pid) - cpu0;
    agent.destroy();

    const errors = samples.filter((s) => s.status !== 200);
    const statuses = new Map<string, number>();
    for (const s of errors) {
      const label = `${s.kind} ${s.status || 'network'}`;
      statuses.set(label, (statuses.get(label) ?? 0) + 1);
    }
    const row = (name: string, ms: number[], seconds: number | null) => [
      name,
      String(ms.length),
      seconds ? (ms.length / seconds).toFixed(0) : '',
      fmt(quantile(ms, 0.5)),
      fmt(quantile(ms, 0.95)),
      fmt(quantile(ms, 0.99)),
    ];
    const of = (kind: Call['kind']) => samples.filter((s) => s.kind === kind).map((s) => s.ms);
    const all = samples.map((s) => s.ms);
    say(
      `\nbench:api — ${CLIENTS} shop clients for ${elapsed.toFixed(1)} s over keep-alive HTTP, ${ORDERS.toLocaleString('en')} orders, server on loopback, ${os.cpus().length} cores\n`,
    );
    printTable(
      ['', 'calls', 'calls/s', 'p50 ms', 'p95 ms', 'p99 ms'],
      [
        row('GET /api/v1/topups/{idOrRef}', of('read'), elapsed),
        row('POST /api/v1/topups (repeat)', of('register'), elapsed),
        row('all API calls', all, elapsed),
        row(`staff ${STAFF_PAGE}, alone (reference)`, staffIdle, null),
        row(`staff ${STAFF_PAGE}, during the load`, staffLoaded, null),
      ],
      say,
    );
    const staffP95 = quantile(staffLoaded, 0.95);
    const staffIdleP95 = quantile(staffIdle, 0.95);
    // The server's CPU time is what the machine's noise changes least: per API call, once the
    // staff pages' share (CPU per page measured alone) is taken out.
    const apiCpu = (serverCpu - staffLoaded.length * cpuPerPage) / Math.max(1, samples.length);
    say(
      `\nerrors: ${errors.length}${errors.length ? ` (${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')})` : ''}   staff page p95 during load / alone: ${(staffP95 / staffIdleP95).toFixed(2)}`,
    );
    say(
      `server process: ${((100 * serverCpu) / (elapsed * 1000)).toFixed(0)}% of a core during the load, ~${apiCpu.toFixed(2)} CPU ms per API call, ${cpuPerPage.toFixed(1)} CPU ms per staff page`,
    );
    say(
      `RESULT calls_per_s=${(samples.length / elapsed).toFixed(0)} p95_ms=${fmt(quantile(all, 0.95))} errors=${errors.length} staff_p95_ms=${fmt(staffP95)} staff_idle_p95_ms=${fmt(staffIdleP95)}`,
    );
  } finally {
    await server?.stop();
    await pool.end();
    await pgServer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (ms: number) => ms.toFixed(1);

/** User + system CPU time of a process so far, in ms (Linux /proc; 0 elsewhere). */
function serverCpuMs(pid: number): number {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS);
  } catch {
    return 0;
  }
}

runBench('bench:api', main);
