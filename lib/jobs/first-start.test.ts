import { describe, expect, it } from 'vitest';
import { readState } from '../../db/queries/app-state';
import { createTestDb } from '../../test/db';
import { until } from '../../test/until';
import { createOneClickClient } from '../oneclick/client';
import { startSandbox } from '../sandbox';
import { BACKFILL_KEY, type BackfillState } from '../sync/list-sync';
import { startWorker } from './worker';

// `npm start` on a fresh data folder: the sandbox holds a generated history, and the worker
// imports it through the list backfill on its own ticks.

describe('a worker on a fresh desk', () => {
  it('imports the whole history on its own ticks, says when it is done, charts it, and hands the lease over on stop', async () => {
    const db = await createTestDb();
    const sandbox = await startSandbox({ port: 0, history: { days: 10, ordersPerDay: 60 } });
    const client = createOneClickClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const said: string[] = [];
    const log = { info: (_: unknown, msg?: string) => said.push(msg ?? ''), warn() {}, error() {} };
    const worker = startWorker({ db: db.db, client, log, tickMs: 20 });
    const done = await until('the backfill to finish', async () => {
      const state = await readState<BackfillState>(db.db, BACKFILL_KEY);
      return state?.status === 'done' ? state : null;
    });
    expect(done.imported).toBe(sandbox.history?.orders);
    const [{ n }] = (await db.pool.query('select count(*)::int as n from topups')).rows;
    expect(n).toBe(sandbox.history?.orders);
    await until('the worker to say so', () => said.includes('sync: backfill done'));
    // The charts' rollups follow within a few ticks, not one batch every five seconds.
    const charted = await until('the rollups to catch up', async () => {
      const { rows } = await db.pool.query(
        `select (select count(*) from topup_changes)::int as waiting,
                (select coalesce(sum(orders), 0) from topup_hourly)::int as orders`,
      );
      return rows[0].waiting === 0 && rows[0].orders > 0 ? rows[0].orders : null;
    });
    expect(charted).toBe(sandbox.history?.orders);
    await worker.stop();
    expect(await readState(db.db, 'lease:backfill')).toBeNull();
    await sandbox.close();
    await db.close();
  });
});
