// The production server as the HTTP benches run it: the desk's own server (scripts/serve.mjs,
// what `npm start` runs) on loopback against the bench's database, web only, and a staff user
// signed in through next-auth's real flow.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync } from 'node:fs';
import type { Db } from '../db/client';
import type { Role } from '../db/enums';
import { buildApp, buildIsCurrent, serverScript } from '../lib/runtime/build';
import { createUser } from '../lib/users/service';

export type BenchServer = { base: string; child: ChildProcess; stop: () => Promise<void> };

/**
 * Builds when the sources changed, starts the desk's server and waits for its health route.
 * `cpuProfileDir` writes a V8 CPU profile of the server there when it stops.
 */
export async function startBenchServer(opts: {
  port: number;
  databaseUrl: string;
  cpuProfileDir?: string;
  /** Where the server's stdout and stderr go (default: nowhere). */
  logFile?: string;
}): Promise<BenchServer> {
  if (!buildIsCurrent(process.cwd())) await buildApp(process.cwd());
  const base = `http://127.0.0.1:${opts.port}`;
  const logFd = opts.logFile ? openSync(opts.logFile, 'a') : undefined;
  const nodeArgs = opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, serverScript(process.cwd())], {
    env: {
      ...process.env,
      PORT: String(opts.port),
      LISTEN_HOST: '127.0.0.1',
      DATABASE_URL: opts.databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      NEXTAUTH_URL: base,
      // Loopback only: the production build otherwise insists on https (lib/config.ts).
      ALLOW_INSECURE_HTTP: 'on',
      WORKER: 'off',
      ONECLICK_API_KEY: 'bench-no-upstream-calls',
      LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: opts.logFile ? ['ignore', logFd, logFd] : 'ignore',
  });
  if (logFd !== undefined) closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitFor(`${base}/api/health`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, child, stop };
}

export async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer at ${url}`);
}

/**
 * A bench user, signed in through next-auth's credentials flow; returns the cookie header.
 * The default role needs no second factor: an admin or finance user without one is sent to
 * /setup by every page, which would time the wrong page.
 */
export async function signIn(base: string, db: Db, role: Role = 'support'): Promise<string> {
  const email = `bench-${randomBytes(4).toString('hex')}@flexy.test`;
  const password = randomBytes(12).toString('base64url');
  await db.transaction((tx) => createUser(tx, { email, name: 'Bench', role, password }));
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const [k = '', ...v] = pair.split('=');
      jar.set(k, v.join('='));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token')))
    throw new Error('bench sign-in failed');
  return header();
}

/**
 * `npm start` as a new user runs it (launcher, embedded Postgres, sandbox), on a fresh data
 * folder. The launcher runs itself, not under tsx's wrapper: a signal reaches it directly and
 * its exit means its Postgres has stopped too.
 */
export function spawnLauncher(opts: {
  dataDir: string;
  port: number;
  env?: Record<string, string>;
  stdout?: 'pipe' | 'ignore';
}): ChildProcess {
  rmSync(opts.dataDir, { recursive: true, force: true });
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      DATA_DIR: opts.dataDir,
      PORT: String(opts.port),
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      ONECLICK_API_KEY: '',
      ...opts.env,
    },
    stdio: ['ignore', opts.stdout ?? 'ignore', 'inherit'],
  });
}

/** Stops the launcher as Ctrl-C does, and waits until it (and its Postgres) has gone. */
export async function stopLauncher(launcher: ChildProcess): Promise<void> {
  if (launcher.exitCode !== null || launcher.signalCode !== null) return;
  const exited = new Promise((resolve) => launcher.once('exit', resolve));
  launcher.kill('SIGINT');
  await exited;
}
