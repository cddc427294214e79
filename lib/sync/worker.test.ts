import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOneClickClient } from '../oneclick/client';
import type { CallInfo } from '../oneclick/request';
import { type Sandbox, startSandbox } from '../sandbox';
import { createTestDb, type TestDb } from '../test/db';
import { until } from '../test/until';
import { readState } from './app-state';
import { startWorker } from './worker';
import { CREDENTIALS_KEY, type CredentialsStatus } from './worker-state';

let t: TestDb;
let sandbox: Sandbox;
beforeAll(async () => {
  t = await createTestDb();
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
  await t.close();
});

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe('a refused API key', () => {
  it('pauses every worker after two refusals, so the upstream never blocks the IP', async () => {
    const refused = createOneClickClient({
      apiKey: 'not-the-right-key',
      baseUrl: sandbox.url,
      maxRetries: 0,
    });
    const goodCalls: CallInfo[] = [];
    const good = createOneClickClient({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      maxRetries: 0,
      onCall: (c) => goodCalls.push(c),
    });
    // The healthy worker's own account of each tick: was upstream work skipped?
    let pausedTicks = 0;
    const healthy = startWorker({
      db: t.db,
      client: good,
      log: quiet,
      tickMs: 50,
      onTick: ({ paused }) => {
        pausedTicks = paused === 'credentials' ? pausedTicks + 1 : 0;
      },
    });
    const broken = startWorker({ db: t.db, client: refused, log: quiet, tickMs: 50 });
    await until(
      'the shared credentials flag',
      async () => (await readState<CredentialsStatus>(t.db, CREDENTIALS_KEY))?.rejected === true,
    );
    // Once the healthy worker has skipped a whole tick, none of its calls is still in flight.
    await until('the healthy worker to pause', () => pausedTicks >= 1);
    const before = goodCalls.length;
    await until('ten more paused ticks', () => pausedTicks >= 11);
    expect(goodCalls.length).toBe(before);
    const refusedCalls = sandbox.controls.calls().filter((c) => c.status === 401).length;
    expect(refusedCalls).toBe(2);
    await Promise.all([healthy.stop(), broken.stop()]);
  });
});
