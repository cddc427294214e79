// `npm run bench:first-start [-- --with-build]`: a new user's first `npm start`, timed. It starts
// the launcher on a fresh data folder (embedded Postgres, the sandbox with its generated
// history), waits for the history to be in Postgres through the desk's list backfill, counts
// the rows there itself, then stops the desk. `--with-build` forgets the build stamp first, so
// the launcher builds the app as on a fresh checkout (the worker imports meanwhile).
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { spawnLauncher, stopLauncher } from './bench-server';

const { values } = parseArgs({ options: { 'with-build': { type: 'boolean', default: false } } });
const PORT = Number(process.env.BENCH_FIRST_START_PORT ?? 3397);
const DATA_DIR = path.join(os.tmpdir(), `flexy-bench-first-start-${PORT}`);
const DAYS = process.env.SANDBOX_HISTORY_DAYS ?? '90';
const TIMEOUT_MS = 300_000;
const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function main() {
  if (values['with-build']) rmSync(path.join('.next', 'flexy-build-stamp'), { force: true });
  const started = performance.now();
  const server = spawnLauncher({
    dataDir: DATA_DIR,
    port: PORT,
    env: { SANDBOX_HISTORY_DAYS: DAYS },
    stdout: 'pipe',
  });
  const marks: Record<string, number> = {};
  let reported: { orders: number; seconds: number } | undefined;
  let built = false;
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no history in Postgres in time')), TIMEOUT_MS);
    server.once('exit', (code) => reject(new Error(`the launcher exited (code ${code})`)));
    createInterface({ input: server.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (!line.startsWith('[flexy]')) return;
      const at = performance.now() - started;
      say(`${seconds(at).padStart(6)} s  ${line}`);
      if (line.includes('building the app')) built = true;
      if (line.includes('desk on http')) marks.desk = at;
      const end = /history: ([\d,]+) orders in Postgres in ([\d.]+) s/.exec(line);
      if (end?.[1] && end[2]) {
        marks.history = at;
        reported = { orders: Number(end[1].replaceAll(',', '')), seconds: Number(end[2]) };
      }
      // With a build, the history may be in before the desk serves: wait for both.
      if (marks.history !== undefined && marks.desk !== undefined) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  try {
    await done;
    const runtime = JSON.parse(readFileSync(path.join(DATA_DIR, 'runtime.json'), 'utf8'));
    const client = new pg.Client({ connectionString: runtime.databaseUrl });
    await client.connect();
    const { rows } = await client.query('select count(*)::int as n from topups');
    await client.end();
    say('');
    say(`build on this start          ${built ? 'yes' : 'no (current)'}`);
    say(`web server started after    ${seconds(marks.desk ?? Number.NaN)} s`);
    say(
      `history in Postgres after    ${reported?.seconds} s (launcher), ${seconds(marks.history ?? 0)} s (outside)`,
    );
    say(`orders in Postgres           ${rows[0].n.toLocaleString('en-US')}`);
    say(
      `RESULT history_orders=${reported?.orders} rows=${rows[0].n} history_s=${reported?.seconds} ` +
        `desk_s=${seconds(marks.desk ?? Number.NaN)} build=${built ? 'yes' : 'no'}`,
    );
  } finally {
    await stopLauncher(server);
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(
      `bench:first-start failed: ${error instanceof Error ? error.message : error}\n`,
    );
    process.exit(1);
  },
);
