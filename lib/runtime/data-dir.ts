import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Local state of a bare-machine install lives in DATA_DIR (default .data/, git-ignored):
// the embedded database, generated dev secrets, the sandbox state and what the running
// launcher tells other commands (runtime.json).

export function dataDir(env = process.env): string {
  const dir = path.resolve(env.DATA_DIR || '.data');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A secret generated once and kept in the data folder (mode 0600). */
export function persistedSecret(dir: string, name: string, bytes = 48): string {
  const file = path.join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = randomBytes(bytes).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

export type Runtime = {
  pid: number;
  /** The runtime role's URL: what the desk and its workers use. */
  databaseUrl: string;
  /** The owner's URL, for migrations and admin commands. */
  migrationDatabaseUrl?: string;
  port: number;
  startedAt: string;
  /** The local sandbox the launcher started, so `npm run worker` can use it too. */
  oneclick?: { baseUrl: string; apiKey: string };
};

const runtimeFile = (dir: string) => path.join(dir, 'runtime.json');

export function writeRuntime(dir: string, runtime: Runtime) {
  writeFileSync(runtimeFile(dir), JSON.stringify(runtime, null, 2), { mode: 0o600 });
}

export function clearRuntime(dir: string) {
  rmSync(runtimeFile(dir), { force: true });
}

/** The running launcher's details, if a launcher is alive for this data folder. */
export function readLiveRuntime(dir: string): Runtime | null {
  try {
    const runtime = JSON.parse(readFileSync(runtimeFile(dir), 'utf8')) as Runtime;
    process.kill(runtime.pid, 0);
    return runtime;
  } catch {
    return null;
  }
}
