import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { recordAudit } from '../audit';
import { seedOrders } from '../seed/run';
import { createUser } from '../users/service';
import { backupDatabase, backupName } from './dump';
import { databaseState, RestoreRefused, restoreBackup } from './restore';

// A backup restores: 10,000 orders with their events, refunds, users and audit rows are backed
// up, the database dropped, the backup restored into it; every table has the same rows (count
// and checksum) and the history tables are still append-only.

let t: TestDb;
const dir = mkdtempSync(path.join(os.tmpdir(), 'flexy-backups-'));

beforeAll(async () => {
  t = await createTestDb();
  await seedOrders(t.pool, { orders: 10_000, days: 30, seed: 11, batch: 5_000 });
  await t.db.transaction(async (tx) => {
    const admin = await createUser(tx, {
      email: 'owner@shop.dz',
      name: 'Owner',
      role: 'admin',
      password: 'a-long-password',
    });
    await recordAudit(tx, {
      actor: { id: admin.id, email: admin.email, role: 'admin' },
      action: 'user.create',
      outcome: 'ok',
      targetType: 'user',
      targetId: admin.id,
      details: { note: 'قبل النسخ الاحتياطي' },
    });
  });
}, 120_000);
afterAll(() => t.close().catch(() => {}));

async function query<R extends pg.QueryResultRow>(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Times as text in one zone, whatever the database's own default.
    await client.query("set time zone 'UTC'");
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Every public table's row count and a checksum of its rows, computed apart from the backup. */
async function fingerprint(url: string) {
  const tables = await query<{ name: string }>(
    url,
    `select relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' order by 1`,
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const [row] = await query<{ rows: number; md5: string }>(
      url,
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from "${name}" t`,
    );
    if (row) out[name] = row;
  }
  return out;
}

const appendOnlyTriggers = (url: string) =>
  query<{ tgname: string }>(
    url,
    `select tgname from pg_trigger where not tgisinternal
       and tgrelid in ('audit_log'::regclass, 'topup_events'::regclass) order by 1`,
  ).then((rows) => rows.map((r) => r.tgname));

async function dropDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  await query(adminUrl.toString(), `drop database "${name}" with (force)`);
}

describe('backup and restore', () => {
  it('fails, rather than hangs, when its file cannot be written, and holds no snapshot open', async () => {
    const at = new Date(Date.UTC(2026, 0, 1));
    // Where the file would be written stands a folder: every write fails.
    mkdirSync(path.join(dir, `${backupName(at).replace(/$/, '.partial')}`));
    await expect(backupDatabase(t.url, dir, at)).rejects.toThrow(/EISDIR|directory/i);
    const open = await query<{ n: number }>(
      t.url,
      `select count(*)::int as n from pg_stat_activity where application_name = 'flexy-backup'`,
    );
    expect(open[0]?.n).toBe(0);
  });

  it('restores a dropped database with 10,000 orders: every table, row for row, triggers and all', async () => {
    const before = await fingerprint(t.url);
    const triggers = await appendOnlyTriggers(t.url);
    expect(before.topups?.rows).toBe(10_000);
    expect(before.topup_events?.rows).toBeGreaterThan(10_000);
    expect(triggers.length).toBeGreaterThanOrEqual(4);

    // This cluster's databases show times in Auckland's zone: the backup must not depend on it.
    await query(
      t.url,
      `alter database "${new URL(t.url).pathname.slice(1)}" set timezone to 'Pacific/Auckland'`,
    );
    const backup = await backupDatabase(t.url, dir);
    expect(backup.rows).toBe(Object.values(before).reduce((n, r) => n + r.rows, 0));

    await t.pool.end();
    await dropDatabase(t.url);
    expect(await databaseState(t.url)).toBe('missing');

    const report = await restoreBackup({ url: t.url, file: backup.file });
    expect(report).toMatchObject({ rows: backup.rows, previous: null });
    expect(await fingerprint(t.url)).toEqual(before);
    expect(await appendOnlyTriggers(t.url)).toEqual(triggers);
    await expect(query(t.url, `update audit_log set action = 'rewritten'`)).rejects.toThrow(
      /append-only/,
    );
    // New rows get ids past the restored ones.
    const [{ next } = { next: 0 }] = await query<{ next: number }>(
      t.url,
      `insert into audit_log (action, outcome) values ('backup.restored', 'ok') returning id::int as next`,
    );
    expect(next).toBeGreaterThan(before.audit_log?.rows ?? 0);
  }, 120_000);

  it('refuses to restore over a database holding orders unless forced, and then keeps the old one', async () => {
    const backup = await backupDatabase(t.url, dir, new Date(Date.now() + 1_000));
    const before = await fingerprint(t.url);
    await expect(restoreBackup({ url: t.url, file: backup.file })).rejects.toBeInstanceOf(
      RestoreRefused,
    );
    expect(await fingerprint(t.url)).toEqual(before);
    const forced = await restoreBackup({ url: t.url, file: backup.file, force: true });
    expect(forced.previous).toMatch(/_before_restore_\d{14}$/);
    expect(await fingerprint(t.url)).toEqual(before);
    // The kept copy is the operator's to drop once they are sure.
    const adminUrl = new URL(t.url);
    adminUrl.pathname = '/postgres';
    await query(adminUrl.toString(), `drop database "${forced.previous}" with (force)`);
  }, 120_000);

  it('says a file that is not a backup, or one cut short, is not restorable, and changes nothing', async () => {
    const bogus = path.join(dir, 'not-a-backup.gz');
    writeFileSync(bogus, gzipSync('hello\n'));
    await expect(restoreBackup({ url: t.url, file: bogus, force: true })).rejects.toThrow(
      /not a Flexy Desk backup/,
    );
    const whole = await backupDatabase(t.url, dir, new Date(Date.now() + 2_000));
    const text = gunzipSync(readFileSync(whole.file));
    const cut = path.join(dir, 'cut-short.gz');
    writeFileSync(cut, gzipSync(text.subarray(0, Math.floor(text.length * 0.7))));
    await expect(restoreBackup({ url: t.url, file: cut, force: true })).rejects.toThrow(
      /cut short|ends inside table/,
    );
    expect(await databaseState(t.url)).toBe('in_use');
  });
});
