import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readState } from '../../db/queries/app-state';
import { createTestDb, type TestDb } from '../../test/db';
import { until } from '../../test/until';
import { type Sandbox, startSandbox } from '../sandbox';
import type { BackfillState } from '../sync/list-sync';
import { startWorkerProcess } from './worker-process';

let t: TestDb;
let sandbox: Sandbox;
beforeAll(async () => {
  t = await createTestDb();
  sandbox = await startSandbox({ port: 0, history: { days: 1, ordersPerDay: 20_000 } });
});
afterAll(async () => {
  await sandbox.close();
  await t.close();
});

describe('the worker npm start runs beside its build', () => {
  it('stopped mid-import, hands the backfill over at once instead of holding its lease', async () => {
    const worker = startWorkerProcess(process.cwd(), {
      ...process.env,
      DATABASE_URL: t.url,
      MIGRATION_DATABASE_URL: t.url,
      ONECLICK_API_KEY: sandbox.apiKey,
      ONECLICK_BASE_URL: sandbox.url,
      ONECLICK_SANDBOX: '1',
      LOG_LEVEL: 'error',
    });
    try {
      await until('the import to be under way', () => readState(t.db, 'lease:backfill'), {
        timeoutMs: 60_000,
      });
    } finally {
      await worker.stop();
    }
    expect(await readState(t.db, 'lease:backfill')).toBeNull();
    const state = await readState<BackfillState>(t.db, 'sync.backfill');
    expect(state?.status).toBe('running');
  });
});
