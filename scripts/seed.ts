// `npm run db:seed -- --orders 1000000`: fills a database with realistic generated orders, their
// events and refunds, so the desk and its benchmarks can be measured at scale. Appends: run it
// again to add more. The mix is in lib/seed/mix.ts, the generator in lib/seed/sql.ts.
import { createDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { resolveDatabase } from '../lib/runtime/database';
import { parseSeedArgs, SeedArgsError, USAGE } from '../lib/seed/options';
import { counterTotals, realTotals, tableSizes, vacuumAnalyze } from '../lib/seed/report';
import { seedOrders } from '../lib/seed/run';

const out = (line: string) => process.stdout.write(`${line}\n`);
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const seconds = (ms: number) => `${int(ms / 1000)} s`;
const mb = (bytes: number) => `${int(bytes / 1024 / 1024)} MB`;

let opts: Exclude<ReturnType<typeof parseSeedArgs>, 'help'>;
try {
  const parsed = parseSeedArgs(process.argv.slice(2));
  if (parsed === 'help') {
    out(USAGE);
    process.exit(0);
  }
  opts = parsed;
} catch (error) {
  if (!(error instanceof SeedArgsError)) throw error;
  process.stderr.write(`${error.message}\n\n${USAGE}\n`);
  process.exit(2);
}

const started = Date.now();
const database = await resolveDatabase();
const { pool } = createDb(database.url, 2);
try {
  const where = new URL(database.url);
  out(`database ${where.host}${where.pathname}: applying migrations`);
  await runMigrations(database.url);
  out(
    `seeding ${int(opts.orders)} orders over ${opts.days} days (seed ${opts.seed}, ` +
      `batches of ${int(opts.batch)})`,
  );
  const result = await seedOrders(pool, opts, ({ done, total, elapsedMs }) => {
    const rate = done / Math.max(elapsedMs / 1000, 0.001);
    out(
      `seeded ${int(done)} / ${int(total)} orders (${Math.floor((done / total) * 100)} %), ` +
        `${seconds(elapsedMs)}, ~${int(rate)}/s`,
    );
  });
  out(
    `run ${result.run}: ${int(result.orders)} orders, ${int(result.events)} events, ` +
      `${int(result.refunds)} refunds in ${seconds(result.elapsedMs)} ` +
      `(~${int(result.orders / Math.max(result.elapsedMs / 1000, 0.001))} orders/s)`,
  );

  const vacuumStart = Date.now();
  await vacuumAnalyze(pool);
  out(`vacuum + analyze: ${seconds(Date.now() - vacuumStart)}`);

  // The counters are kept by triggers; the one full count of the run checks them.
  const counters = await counterTotals(pool);
  const real = await realTotals(pool);
  const buckets = [...new Set([...Object.keys(real), ...Object.keys(counters)])];
  out('\nall orders in the database   topup_counts   count(*)');
  for (const b of buckets) {
    const mark = counters[b] === real[b] ? '' : '   <-- MISMATCH';
    const [kept, counted] = [int(counters[b] ?? 0), int(real[b] ?? 0)];
    out(`  ${b.padEnd(26)} ${kept.padStart(13)} ${counted.padStart(10)}${mark}`);
  }
  out('');
  for (const t of await tableSizes(pool))
    out(`  ${t.table.padEnd(14)} ~${int(t.rows).padStart(11)} rows ${mb(t.bytes).padStart(10)}`);
  out(`\ndone in ${seconds(Date.now() - started)}`);
  if (buckets.some((b) => counters[b] !== real[b])) {
    process.stderr.write('topup_counts disagrees with the rows: the counter triggers are wrong\n');
    process.exitCode = 1;
  }
} catch (error) {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
} finally {
  await pool.end();
  await database.stop();
}
process.exit(process.exitCode ?? 0);
