// `npm start` / `npm run dev`: one process tree that gives a working desk on a bare machine.
// It validates the configuration, starts the embedded Postgres (no DATABASE_URL) and the
// sandbox emulator (no ONECLICK_API_KEY), migrates, seeds demo users, builds if the sources
// changed, then runs Next.js as a child and stops everything cleanly on Ctrl-C.
import { type ChildProcess, spawn } from 'node:child_process';
import { createDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { ConfigError, parseConfig } from '../lib/config';
import { buildApp, buildIsCurrent, nextBin } from '../lib/runtime/build';
import {
  clearRuntime,
  dataDir,
  persistedSecret,
  readLiveRuntime,
  writeRuntime,
} from '../lib/runtime/data-dir';
import { type DemoUser, seedDemoUsers } from '../lib/runtime/demo-users';
import { startEmbeddedPostgres } from '../lib/runtime/embedded-postgres';
import { startLocalSandbox } from '../lib/runtime/local-sandbox';

const dev = process.argv.includes('--dev');
const root = process.cwd();
const say = (line: string) => process.stdout.write(`[flexy] ${line}\n`);
const cleanups: (() => Promise<void>)[] = [];
let child: ChildProcess | undefined;
let stopping = false;

// embedded-postgres installs its own SIGINT/SIGTERM hooks that exit before Next has stopped;
// this launcher owns the shutdown order instead.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child?.kill('SIGKILL'), 10_000);
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
  const dir = dataDir();
  const live = readLiveRuntime(dir);
  if (live)
    throw new Error(
      `Flexy Desk is already running from this folder (pid ${live.pid}, port ${live.port}).`,
    );

  const env: Record<string, string> = {
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(config.PORT),
    FLEXY_PARENT_PID: String(process.pid),
    NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
    NEXTAUTH_SECRET: config.NEXTAUTH_SECRET ?? persistedSecret(dir, 'nextauth-secret'),
  };

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    say('DATABASE_URL is not set: starting the embedded Postgres (data in .data/pg)…');
    const pg = await startEmbeddedPostgres({ dataDir: dir });
    cleanups.push(pg.stop);
    databaseUrl = pg.url;
  }
  env.DATABASE_URL = databaseUrl;
  const runtime = {
    pid: process.pid,
    databaseUrl,
    port: config.PORT,
    startedAt: new Date().toISOString(),
  };
  writeRuntime(dir, runtime);
  cleanups.push(async () => clearRuntime(dir));

  await runMigrations(databaseUrl);
  say('database migrated');
  if (!config.DATABASE_URL || operatorEnv.SEED_DEMO_USERS === 'on') {
    const { db, pool } = createDb(databaseUrl, 2);
    printDemoUsers(await seedDemoUsers(db, dir));
    await pool.end();
  }

  if (!config.ONECLICK_API_KEY) {
    const sandbox = await startLocalSandbox(dir);
    cleanups.push(sandbox.close);
    Object.assign(env, {
      ONECLICK_BASE_URL: sandbox.url,
      ONECLICK_API_KEY: sandbox.apiKey,
      ONECLICK_SANDBOX: '1',
    });
    writeRuntime(dir, { ...runtime, oneclick: { baseUrl: sandbox.url, apiKey: sandbox.apiKey } });
    say(`ONECLICK_API_KEY is not set: using the local sandbox emulator at ${sandbox.url}`);
  }

  if (!dev && !buildIsCurrent(root)) {
    say('building the app (first start or sources changed)…');
    await buildApp(root);
  }
  const args = dev ? ['dev', '-p', String(config.PORT)] : ['start', '-p', String(config.PORT)];
  child = spawn(process.execPath, [nextBin(), ...args], {
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
}

function printDemoUsers(users: DemoUser[] | null) {
  if (!users) return;
  say('demo users (one per role; change or disable them before real use):');
  for (const user of users)
    say(`  ${user.role.padEnd(8)} ${user.email.padEnd(22)} ${user.password}`);
}

main().catch(async (error) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `[flexy] could not start: ${error instanceof Error ? error.message : error}\n`,
    );
  await shutdown(1);
});
