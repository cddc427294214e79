import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

// A backup of the desk's database: every table of the public schema as Postgres's own COPY text,
// read in one REPEATABLE READ snapshot, gzip-compressed in one file with a manifest (the
// migration level, each table's columns) and, at the end, each table's row count and SHA-256.
// The embedded Postgres ships no pg_dump (its package has initdb, pg_ctl and postgres only), and
// a Debian pg_dump refuses a newer server; this format needs neither. A restore (./restore.ts)
// builds the schema with the migrations of the backup's level, loads the rows with COPY, checks
// every table's checksum, then migrates to today's schema.
//
// File layout (text, gzip):
//   flexy-backup 1
//   {"createdAt":…,"migrations":N,"tables":[{"name","columns","key"}…]}
//   \table <name>            ← then that table's COPY text rows
//   \.
//   …
//   \end {"<table>":{"rows":n,"sha256":"…"}…}
// COPY text escapes backslashes, so no row line can read `\.`, `\table` or `\end`.

export const FORMAT = 'flexy-backup 1';
export const BACKUP_SUFFIX = '.flexy-backup.gz';

/** `textKeys`: the key columns ordered by their bytes (COLLATE "C"), whatever the database's collation. */
export type TableSpec = { name: string; columns: string[]; key: string[]; textKeys?: string[] };
export type Manifest = { createdAt: string; migrations: number; tables: TableSpec[] };
export type TableSum = { rows: number; sha256: string };

const ident = (name: string) => pg.escapeIdentifier(name);
const columnList = (columns: string[]) => columns.map(ident).join(', ');

/** The public schema's tables: stored columns in order, and the primary key to order rows by. */
export async function publicTables(client: pg.ClientBase): Promise<TableSpec[]> {
  const res = await client.query<{
    name: string;
    columns: string[];
    key: string[] | null;
    text_keys: string[] | null;
  }>(`
    select c.relname as name,
      array(select a.attname::text from pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
            order by a.attnum) as columns,
      (select array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, n)
                    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum order by k.n)
         from pg_index i where i.indrelid = c.oid and i.indisprimary) as key,
      (select array(select a.attname::text from unnest(i.indkey) k(attnum)
                    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                    where a.attcollation <> 0)
         from pg_index i where i.indrelid = c.oid and i.indisprimary) as text_keys
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`);
  return res.rows.map((r) => ({
    name: r.name,
    columns: r.columns,
    key: r.key ?? r.columns,
    textKeys: r.text_keys ?? [],
  }));
}

/**
 * The COPY that reads a table in a fixed order: what is saved, and what a checksum reads. Text
 * keys sort by their bytes, so another cluster's collation reads the rows in the same order.
 */
const readTable = (t: TableSpec) => {
  const order = t.key
    .map((k) => (t.textKeys?.includes(k) ? `${ident(k)} COLLATE "C"` : ident(k)))
    .join(', ');
  return `COPY (SELECT ${columnList(t.columns)} FROM ${ident(t.name)} ORDER BY ${order}) TO STDOUT`;
};

/**
 * Session settings that make COPY text the same on any cluster (times in UTC, ISO dates):
 * for the backup, the load and the checksum alike.
 */
export async function stableText(client: pg.ClientBase) {
  await client.query(
    "set time zone 'UTC'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'; set extra_float_digits = 3; set bytea_output = 'hex'",
  );
}

/** A table's row count and SHA-256 of its COPY text, as saved (the restore's check). */
export async function tableSum(client: pg.ClientBase, t: TableSpec): Promise<TableSum> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const chunk of client.query(copyTo(readTable(t))) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    rows += newlines(chunk);
  }
  return { rows, sha256: hash.digest('hex') };
}

/** `flexy-20261129-031500Z.flexy-backup.gz`: sortable, and says when it was taken. */
export function backupName(at: Date) {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .replace('T', '-');
  return `flexy-${stamp}${BACKUP_SUFFIX}`;
}

export function backupTime(name: string): Date | null {
  const m = /^flexy-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})Z/.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

/**
 * Writes a backup of the database at `url` into `dir` (a temporary name, renamed when
 * complete: a crash never leaves a file that looks whole). Any role that can read every table
 * will do (the desk's runtime role can).
 */
export async function backupDatabase(
  url: string,
  dir: string,
  at = new Date(),
  signal?: AbortSignal,
) {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, backupName(at));
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString: url, application_name: 'flexy-backup' });
  await client.connect();
  const started = Date.now();
  try {
    await stableText(client);
    await client.query('begin isolation level repeatable read read only');
    const tables = await publicTables(client);
    const found = await client.query<{ ok: boolean }>(
      `select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
    );
    if (!found.rows[0]?.ok || tables.length === 0)
      throw new Error('the database has no Flexy Desk tables yet: start the desk once first');
    const migrations = await client.query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    const manifest: Manifest = {
      createdAt: at.toISOString(),
      migrations: migrations.rows[0]?.n ?? 0,
      tables,
    };
    const sums: Record<string, TableSum> = {};
    async function* content() {
      yield `${FORMAT}\n${JSON.stringify(manifest)}\n`;
      for (const t of tables) {
        yield `\\table ${t.name}\n`;
        const hash = createHash('sha256');
        let rows = 0;
        for await (const chunk of client.query(copyTo(readTable(t))) as AsyncIterable<Buffer>) {
          signal?.throwIfAborted();
          hash.update(chunk);
          rows += newlines(chunk);
          yield chunk;
        }
        yield '\\.\n';
        sums[t.name] = { rows, sha256: hash.digest('hex') };
      }
      yield `\\end ${JSON.stringify(sums)}\n`;
    }
    // One pipeline: a full disk or an unwritable folder fails the backup (and closes everything)
    // instead of leaving it waiting on a stream that will never drain.
    await pipeline(
      Readable.from(content()),
      createGzip({ level: 6 }),
      createWriteStream(partial, { mode: 0o600 }),
      { signal },
    );
    await client.query('commit');
    await rename(partial, file);
    const { size } = await stat(file);
    return {
      file,
      bytes: size,
      tables: tables.length,
      rows: Object.values(sums).reduce((n, x) => n + x.rows, 0),
      durationMs: Date.now() - started,
      sums,
      manifest,
    };
  } catch (error) {
    await rm(partial, { force: true }).catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

function newlines(chunk: Buffer) {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

export type BackupLine =
  | { kind: 'table'; name: string }
  | { kind: 'row'; text: string }
  | { kind: 'endTable' }
  | { kind: 'end'; sums: Record<string, TableSum> };

/** Reads a backup file: its manifest, then its lines one by one (streamed, never all in memory). */
export async function openBackup(file: string) {
  const lines = readline.createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done || first.value !== FORMAT)
    throw new Error(`${path.basename(file)} is not a Flexy Desk backup (${FORMAT})`);
  const second = await it.next();
  const manifest = JSON.parse(second.done ? '{}' : second.value) as Manifest;
  if (!Array.isArray(manifest.tables) || typeof manifest.migrations !== 'number')
    throw new Error(`${path.basename(file)} has no readable manifest`);
  async function* rest(): AsyncGenerator<BackupLine> {
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      const line = next.value;
      if (line.startsWith('\\table ')) yield { kind: 'table', name: line.slice(7) };
      else if (line === '\\.') yield { kind: 'endTable' };
      else if (line.startsWith('\\end ')) yield { kind: 'end', sums: JSON.parse(line.slice(5)) };
      else yield { kind: 'row', text: line };
    }
  }
  return { manifest, lines: rest(), close: () => lines.close() };
}

/** Loads one table's rows from the backup into a table of the same columns (COPY FROM STDIN). */
export async function copyInto(
  client: pg.ClientBase,
  t: TableSpec,
  rows: AsyncGenerator<BackupLine>,
): Promise<number> {
  const stream = client.query(
    copyFrom(`COPY ${ident(t.name)} (${columnList(t.columns)}) FROM STDIN`),
  );
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let n = 0;
  try {
    for (;;) {
      const next = await rows.next();
      if (next.done) throw new Error(`the backup ends inside table ${t.name}: it is cut short`);
      if (next.value.kind === 'endTable') break;
      if (next.value.kind !== 'row')
        throw new Error(`unexpected ${next.value.kind} inside ${t.name}`);
      n++;
      if (!stream.write(`${next.value.text}\n`)) await once(stream, 'drain');
    }
  } catch (error) {
    // Abandon the COPY: its rows never commit (the caller's transaction rolls back).
    stream.destroy(error as Error);
    await done.catch(() => {});
    throw error;
  }
  stream.end();
  await done;
  return n;
}
