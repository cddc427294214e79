import pg from 'pg';
import { journal, migrateTo, runMigrations } from '../../db/migrate';
import { copyInto, openBackup, publicTables, stableText, type TableSpec, tableSum } from './dump';

// Restoring a backup (./dump.ts) into a database, by its owner (a superuser: rows are loaded
// with triggers off, so the append-only history tables take their own rows back):
// 1. refuse a database that holds orders or users, unless forced;
// 2. build a fresh database beside it with the migrations of the backup's level, load every
//    table with COPY, set the sequences past the rows, and check each table's checksum;
// 3. migrate it to today's schema;
// 4. swap it in: the old database is closed to new connections, its sessions ended, and it is
//    kept under another name (`…_before_restore_<time>`); the desk's pools reconnect to the
//    restored one. A failed swap is undone.
// The desk's own workers pause while this runs (the caller writes the maintenance flag).

export class RestoreRefused extends Error {}

const ident = (name: string) => pg.escapeIdentifier(name);

/** A server URL pointed at another database of the same server (same role and password). */
export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether the database exists, and whether it holds any order or any user. */
export async function databaseState(url: string): Promise<'missing' | 'empty' | 'in_use'> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const exists = await admin(url, async (c) => {
    const res = await c.query('select 1 from pg_database where datname = $1', [name]);
    return res.rowCount === 1;
  });
  if (!exists) return 'missing';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ used: boolean }>(`
      select coalesce((select exists(select 1 from users) where to_regclass('public.users') is not null), false)
          or coalesce((select exists(select 1 from topups) where to_regclass('public.topups') is not null), false)
        as used`);
    return res.rows[0]?.used ? 'in_use' : 'empty';
  } finally {
    await client.end().catch(() => {});
  }
}

export type RestoreReport = {
  tables: number;
  rows: number;
  migrations: { backup: number; now: number };
  /** The database the restore replaced, kept under this name; null when there was none. */
  previous: string | null;
};

export async function restoreBackup(opts: {
  /** The owner's (superuser's) URL of the database to restore into. */
  url: string;
  file: string;
  force?: boolean;
  at?: Date;
  log?: (line: string) => void;
  /** Runs on the restored database before it is swapped in (the runtime role's grants). */
  beforeSwap?: (url: string) => Promise<void>;
}): Promise<RestoreReport> {
  const log = opts.log ?? (() => {});
  const target = decodeURIComponent(new URL(opts.url).pathname.slice(1));
  const state = await databaseState(opts.url);
  if (state === 'in_use' && !opts.force)
    throw new RestoreRefused(
      `database ${target} holds orders or users: restoring would replace them. ` +
        'Run again with --force to replace it (the current one is kept under another name).',
    );
  const backup = await openBackup(opts.file);
  const stamp = (opts.at ?? new Date()).toISOString().replace(/\D/g, '').slice(0, 14);
  const staging = `${target}_restoring`;
  const stagingUrl = withDatabase(opts.url, staging);
  // Once the swap has begun, the loaded database is never dropped: it is the data.
  let swapping = false;
  try {
    await admin(opts.url, async (c) => {
      await c.query(`drop database if exists ${ident(staging)} with (force)`);
      await c.query(`create database ${ident(staging)}`);
    });
    log(`building the schema at the backup's level (${backup.manifest.migrations} migrations)…`);
    await migrateTo(stagingUrl, backup.manifest.migrations);

    const client = new pg.Client({ connectionString: stagingUrl });
    await client.connect();
    await stableText(client);
    let rows = 0;
    try {
      const present = new Map((await publicTables(client)).map((t) => [t.name, t]));
      const saved = new Map(backup.manifest.tables.map((t) => [t.name, t]));
      await client.query('begin');
      // Triggers off for the load: the history tables refuse nothing here, and the rollup and
      // counter triggers do not count the rows a second time (their own tables are restored).
      await client.query("set local session_replication_role = 'replica'");
      const all = [...present.keys()].map(ident).join(', ');
      if (all) await client.query(`truncate ${all}`);
      let sums: Record<string, { rows: number; sha256: string }> | null = null;
      for (;;) {
        const next = await backup.lines.next();
        if (next.done) break;
        const line = next.value;
        if (line.kind === 'end') {
          sums = line.sums;
          break;
        }
        if (line.kind !== 'table') throw new Error(`unexpected ${line.kind} between tables`);
        const spec = saved.get(line.name);
        if (!spec || !present.has(line.name))
          throw new Error(`table ${line.name} is not in the schema of the backup's level`);
        rows += await copyInto(client, spec, backup.lines);
      }
      if (!sums) throw new Error('the backup file is cut short (no end marker): it is incomplete');
      await resetSequences(client);
      await client.query('commit');
      for (const spec of saved.values()) {
        const sum = await tableSum(client, spec as TableSpec);
        const want = sums[spec.name];
        if (!want || want.rows !== sum.rows || want.sha256 !== sum.sha256)
          throw new Error(
            `table ${spec.name} does not match its checksum after loading (${sum.rows} rows, backup said ${want?.rows ?? '?'})`,
          );
      }
    } finally {
      await client.end().catch(() => {});
    }
    log(`loaded ${rows} rows; every table matches its checksum. Migrating to today's schema…`);
    await runMigrations(stagingUrl);
    const now = journal().entries.length;
    await opts.beforeSwap?.(stagingUrl);

    swapping = true;
    const previous = await admin(opts.url, (c) => swapIn(c, { target, staging, state, stamp }));
    return {
      tables: backup.manifest.tables.length,
      rows,
      migrations: { backup: backup.manifest.migrations, now },
      previous,
    };
  } catch (error) {
    if (!swapping)
      await admin(opts.url, (c) =>
        c.query(`drop database if exists ${ident(staging)} with (force)`),
      ).catch(() => {});
    throw error;
  } finally {
    backup.close();
  }
}

/**
 * Puts the restored database in the target's place. The target is closed to new connections,
 * its sessions ended (waiting up to 5 s each), and renamed aside (kept: it is the operator's
 * to drop); then the restored one takes the name. If a step fails, the steps before it are
 * undone, so the desk finds its database again under its own name, open to connections.
 */
async function swapIn(
  c: pg.Client,
  p: { target: string; staging: string; state: 'missing' | 'empty' | 'in_use'; stamp: string },
): Promise<string | null> {
  if (p.state === 'missing') {
    await c.query(`alter database ${ident(p.staging)} rename to ${ident(p.target)}`);
    return null;
  }
  const kept = `${p.target}_before_restore_${p.stamp}`;
  await c.query(`alter database ${ident(p.target)} with allow_connections false`);
  let renamed = false;
  try {
    for (let attempt = 1; ; attempt++) {
      await c.query(
        'select pg_terminate_backend(pid, 5000) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [p.target],
      );
      try {
        await c.query(`alter database ${ident(p.target)} rename to ${ident(kept)}`);
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
    renamed = true;
    await c.query(`alter database ${ident(p.staging)} rename to ${ident(p.target)}`);
    return kept;
  } catch (error) {
    if (renamed)
      await c.query(`alter database ${ident(kept)} rename to ${ident(p.target)}`).catch(() => {});
    await c.query(`alter database ${ident(p.target)} with allow_connections true`).catch(() => {});
    throw error;
  }
}

/** Every identity or serial sequence of the public schema, set past the rows just loaded. */
async function resetSequences(client: pg.ClientBase) {
  const res = await client.query<{ tbl: string; col: string; seq: string }>(`
    select c.relname as tbl, a.attname as col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind = 'r'
      and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`);
  for (const r of res.rows)
    await client.query(
      `select setval($1, coalesce((select max(${ident(r.col)}) from ${ident(r.tbl)}), 0) + 1, false)`,
      [r.seq],
    );
}
