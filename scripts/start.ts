// `npm start` / `npm run dev`: one process tree that gives a working desk on a bare machine.
// It validates the configuration (in production: no emulator unless SANDBOX=on, https unless
// ALLOW_INSECURE_HTTP=on), starts the embedded Postgres (no DATABASE_URL) and the sandbox
// emulator (no ONECLICK_API_KEY), migrates as the owner and runs the desk as a role that owns
// nothing, seeds demo users, builds if the sources changed, then runs Next.js as a child and
// stops everything cleanly on Ctrl-C.
import { type ChildProcess, spawn } from 'node:child_process';
import { createDb } from '../db/client';
import { ConfigError, parseConfig } from '../lib/config';
import { buildApp, buildIsCurrent, nextBin, serverScript } from '../lib/runtime/build';
import {
  clearRuntime,
  dataDir,
  persistedSecret,
  readLiveRuntime,
  writeRuntime,
} from '../lib/runtime/data-dir';
import { type DatabaseUrls, migrateAndGrant } from '../lib/runtime/database';
import { type DemoUser, seedDemoUsers } from '../lib/runtime/demo-users';
import { startEmbeddedPostgres } from '../lib/runtime/embedded-postgres';
import { watchBackfill } from '../lib/runtime/history-progress';
import { startLocalSandbox } from '../lib/runtime/local-sandbox';
import { webServerEnv } from '../lib/runtime/web-env';
import { startWorkerProcess } from '../lib/runtime/worker-process';

const launchedAt = new Date(Date.now() - performance.now());
const dev = process.argv.includes('--dev');
const root = process.cwd();
const say = (line: string) => process.stdout.write(`[flexy] ${line}\n`);
const int = (n: number) => n.toLocaleString('en-US');
const cleanups: (() => Promise<void>)[] = [];
let child: ChildProcess | undefined;
let stopping = false;

// embedded-postgres installs its own SIGINT/SIGTERM hooks that exit before Next has stopped;
// this launcher owns the shutdown order instead.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

let graceMs = 25_000;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise<void>((resolve) => {
      // The web server drains within SHUTDOWN_GRACE_MS (scripts/serve.mjs); a margin, then kill.
      const force = setTimeout(() => child?.kill('SIGKILL'), graceMs + 5_000);
      child?.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
    });
  }
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  say('stopped');
  // Exit explicitly: an exit hook in a dependency can otherwise turn a failure into 0.
  process.exit(code);
}

async function main() {
  const operatorEnv = { ...process.env };
  const production = operatorEnv.NODE_ENV === 'production';
  const config = parseConfig({
    ...operatorEnv,
    NODE_ENV: production ? 'production' : 'development',
  });
  graceMs = config.SHUTDOWN_GRACE_MS;
  const dir = dataDir();
  const live = readLiveRuntime(dir);
  if (live)
    throw new Error(
      `Flexy Desk is already running from this folder (pid ${live.pid}, port ${live.port}).`,
    );

  // The emulator (with its history on a first start) needs no database: it starts meanwhile.
  const sandboxStart = config.ONECLICK_API_KEY
    ? undefined
    : startLocalSandbox(dir, {
        ordersPerMinute: config.SANDBOX_TRAFFIC,
        port: config.SANDBOX_PORT,
        historyDays: config.SANDBOX_HISTORY_DAYS,
      });
  sandboxStart?.then(
    (local) => cleanups.push(local.close),
    () => {},
  );

  let urls: DatabaseUrls;
  let managedPassword = false;
  if (config.DATABASE_URL) {
    urls = {
      migrationUrl: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL,
      runtimeUrl: config.DATABASE_URL,
    };
  } else {
    say('DATABASE_URL is not set: starting the embedded Postgres (data in .data/pg)…');
    const pg = await startEmbeddedPostgres({ dataDir: dir });
    cleanups.push(pg.stop);
    urls = { migrationUrl: pg.url, runtimeUrl: pg.runtime.url };
    managedPassword = true;
  }
  const runtime = {
    pid: process.pid,
    databaseUrl: urls.runtimeUrl,
    migrationDatabaseUrl: urls.migrationUrl,
    port: config.PORT,
    startedAt: new Date().toISOString(),
  };
  writeRuntime(dir, runtime);
  cleanups.push(async () => clearRuntime(dir));

  await migrateAndGrant(urls, { managedPassword, warn: (line) => say(`WARNING: ${line}`) });
  say('database migrated');
  if (!config.DATABASE_URL || operatorEnv.SEED_DEMO_USERS === 'on') {
    const { db, pool } = createDb(urls.runtimeUrl, 2);
    const nextauthSecret = config.NEXTAUTH_SECRET ?? persistedSecret(dir, 'nextauth-secret');
    printDemoUsers(await seedDemoUsers(db, dir, nextauthSecret));
    await pool.end();
  }

  let sandbox: { url: string; apiKey: string } | undefined;
  const local = await sandboxStart;
  if (local) {
    sandbox = { url: local.url, apiKey: local.apiKey };
    writeRuntime(dir, { ...runtime, oneclick: { baseUrl: local.url, apiKey: local.apiKey } });
    say(
      production
        ? `SANDBOX=on: running on the local emulator at ${local.url}; nothing is sent to OneClick`
        : `ONECLICK_API_KEY is not set: using the local sandbox emulator at ${local.url}`,
    );
    if (local.history)
      say(
        `sandbox: ${config.SANDBOX_HISTORY_DAYS} days of history generated ` +
          `(${int(local.history.orders)} orders, ${int(local.history.ledgerRows)} ledger rows, ` +
          `${(local.history.ms / 1000).toFixed(1)} s); the desk imports it through its list backfill`,
      );
  }
  const env = webServerEnv({
    config,
    parentPid: process.pid,
    nextauthSecret: config.NEXTAUTH_SECRET ?? persistedSecret(dir, 'nextauth-secret'),
    databaseUrl: urls.runtimeUrl,
    sandbox,
    embeddedDb: !config.DATABASE_URL,
  });

  if (config.WORKER === 'on') {
    // The worker imports the upstream history (list backfill); say how far it got.
    const { db, pool } = createDb(urls.runtimeUrl, 1);
    const stop = watchBackfill({ db, say, sinceLaunch: () => performance.now(), launchedAt });
    cleanups.push(async () => {
      await stop();
      await pool.end();
    });
  }

  let buildTimeWorker: ReturnType<typeof startWorkerProcess> | undefined;
  if (!dev && !buildIsCurrent(root)) {
    say('building the app (first start or sources changed)…');
    if (config.WORKER === 'on') {
      // Sync need not wait for the build: `npm run worker` runs beside it meanwhile.
      buildTimeWorker = startWorkerProcess(root, {
        ...process.env,
        ...env,
        MIGRATION_DATABASE_URL: urls.migrationUrl,
      });
      cleanups.push(() => buildTimeWorker?.stop() ?? Promise.resolve());
    }
    await buildApp(root);
  }
  // Production: the desk's own server (Next plus Server-Timing and brotli); dev: `next dev`.
  const args = dev ? [nextBin(), 'dev', '-p', String(config.PORT)] : [serverScript(root)];
  child = spawn(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  child.on('exit', (code) => {
    if (!stopping) {
      say(`the web server exited (code ${code ?? 'signal'})`);
      void shutdown(code || 1);
    }
  });
  say(`desk on http://localhost:${config.PORT} — Ctrl-C to stop`);
  // The web server's own worker takes over; on stop this one hands over its leases.
  await buildTimeWorker?.stop();
}

function printDemoUsers(users: DemoUser[] | null) {
  if (!users) return;
  say('demo users (one per role; change or disable them before real use):');
  for (const user of users)
    say(
      `  ${user.role.padEnd(8)} ${user.email.padEnd(22)} ${user.password}${user.totpSecret ? `  + code: npm run demo:code -- ${user.role}` : ''}`,
    );
  if (users.some((u) => u.totpSecret))
    say(
      '  (finance and admin sign in with a second factor; their authenticator keys are in .data/demo-users.json)',
    );
}

main().catch(async (error) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `[flexy] could not start: ${error instanceof Error ? error.message : error}\n`,
    );
  await shutdown(1);
});
