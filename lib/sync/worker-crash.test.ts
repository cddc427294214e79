import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { until } from '../../test/until';
import { createOneClickClient } from '../oneclick/client';
import { topupSchema } from '../oneclick/schemas';
import { type Sandbox, startSandbox } from '../sandbox';
import { createEngine } from './engine';
import { observe } from './observe';

// A real `npm run worker` process, killed with SIGKILL while it holds claims mid-batch.

let t: TestDb;
let sandbox: Sandbox;
let child: ChildProcess | undefined;
beforeAll(async () => {
  t = await createTestDb();
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await sandbox.close();
  await t.close();
});

const root = path.resolve(import.meta.dirname, '../..');

describe('a worker killed with SIGKILL mid-batch', () => {
  it('loses nothing: after a restart every order converges', { timeout: 90_000 }, async () => {
    const now = Date.now();
    const views = Array.from({ length: 8 }, () =>
      sandbox.controls.createTopup({
        msisdn: '0778037340',
        planCode: 'PREPAID_DJEZZY',
        amount: 500,
        createdAt: now - 200_000,
        timeline: [
          { status: 'PENDING', atMs: 0 },
          { status: 'FULFILLED', atMs: 200_300 },
        ],
      }),
    );
    for (const view of views) {
      const topup = topupSchema.parse(JSON.parse(JSON.stringify(view)));
      await observe(t.db, { topup, source: 'ingest', actor: { name: 'test' }, now: new Date(now) });
    }
    await t.pool.query('update topups set next_check_at = now()');
    // Every check-id hangs for 20 s: the worker is mid-batch when it dies.
    sandbox.controls.setFaults({
      rate: 1,
      kinds: ['latency'],
      latencyMs: 20_000,
      paths: ['/mobile/check-id'],
    });

    child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: t.url,
          ONECLICK_API_KEY: sandbox.apiKey,
          ONECLICK_BASE_URL: sandbox.url,
          LOG_LEVEL: 'error',
          ONECLICK_TIMEOUT_MS: '30000',
        },
        stdio: 'ignore',
      },
    );
    // However slowly the process starts, it claims orders and then hangs on their check-ids.
    const held = await until('the worker to hold claims', async () => {
      const { rows } = await t.pool.query(
        'select count(*)::int as n from topups where claimed_by is not null',
      );
      return rows[0].n as number;
    });
    expect(held).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));
    const stillPending = (
      await t.pool.query(`select count(*)::int as n from topups where status = 'PENDING'`)
    ).rows[0].n;
    expect(stillPending).toBe(8);

    // The restarted worker, once the dead one's leases (30 s) have run out.
    sandbox.controls.setFaults(undefined);
    await until('the upstream to settle all eight', () =>
      views.every((v) => sandbox.controls.get(v._id)?.status === 'FULFILLED'),
    );
    const client = createOneClickClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const restarted = createEngine({
      db: t.db,
      client,
      now: () => Date.now() + 31_000,
      workerId: 'restarted',
    });
    await restarted.tick();
    const statuses = (await t.pool.query('select status, claimed_by from topups')).rows;
    expect(statuses).toHaveLength(8);
    expect(statuses.every((r) => r.status === 'FULFILLED' && r.claimed_by === null)).toBe(true);
  });
});
