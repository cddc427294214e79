import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readState } from '../../db/queries/app-state';
import { createTestDb, type TestDb } from '../../test/db';
import { backupName } from './dump';
import { backupIfDue } from './schedule';
import { BACKUP_STATE_KEY, type BackupStatus } from './state';

// The daily backup: made when the last good one is a day old, by one instance at a time, old
// files pruned, and a failure recorded for Sync health and the alert (retried after an hour).

let t: TestDb;
const dir = mkdtempSync(path.join(os.tmpdir(), 'flexy-daily-'));
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 2, 0, 0));
const status = () => readState<BackupStatus>(t.db, BACKUP_STATE_KEY);

describe('the daily backup', () => {
  it('is made once a day by one of two instances, and prunes what retention no longer keeps', async () => {
    // Ten old daily files from earlier in the month.
    for (let d = 1; d <= 10; d++) writeFileSync(path.join(dir, backupName(day(d))), 'old');
    const deps = (holder: string, at: Date) => ({ db: t.db, url: t.url, dir, now: at, holder });
    const both = await Promise.all([
      backupIfDue(deps('a', day(20))),
      backupIfDue(deps('b', day(20))),
    ]);
    expect(both.sort()).toEqual(['done', 'not_due']);
    expect(await status()).toMatchObject({ ok: true, file: backupName(day(20)), error: null });
    expect(await backupIfDue(deps('a', new Date(day(20).getTime() + 3_600_000)))).toBe('not_due');
    // Kept: the 7 newest days that have one (20, 10, 9, 8, 7, 6, 5 Nov), and the newest of each
    // of the last 4 weeks, Monday to Sunday (20, 10, 8 and Sunday 1 Nov). 2, 3 and 4 Nov go.
    expect(readdirSync(dir).sort()).toEqual(
      [1, 5, 6, 7, 8, 9, 10, 20].map((d) => backupName(day(d))),
    );
  });

  it('records a failure, keeps the last good one, and tries again after an hour', async () => {
    const broken = { db: t.db, url: t.url.replace(/\/[^/]+$/, '/no_such_db'), dir, holder: 'a' };
    const failedAt = day(22);
    expect(await backupIfDue({ ...broken, now: failedAt })).toBe('failed');
    const failed = await status();
    expect(failed).toMatchObject({ ok: false, file: backupName(day(20)) });
    expect(failed?.error).toMatch(/no_such_db/);
    expect(await backupIfDue({ ...broken, now: new Date(failedAt.getTime() + 60_000) })).toBe(
      'not_due',
    );
  });
});
