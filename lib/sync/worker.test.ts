import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOneClickClient } from '../oneclick/client';
import type { CallInfo } from '../oneclick/request';
import { type Sandbox, startSandbox } from '../sandbox';
import { createTestDb, type TestDb } from '../test/db';
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
const until = async (check: () => Promise<boolean>, ms = 10_000) => {
  for (let waited = 0; waited < ms; waited += 50) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
};

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
    const healthy = startWorker({ db: t.db, client: good, log: quiet, tickMs: 50 });
    const broken = startWorker({ db: t.db, client: refused, log: quiet, tickMs: 50 });
    await until(
      async () => (await readState<CredentialsStatus>(t.db, CREDENTIALS_KEY))?.rejected === true,
    );
    await new Promise((r) => setTimeout(r, 300)); // let the healthy worker see the shared flag
    const before = goodCalls.length;
    await new Promise((r) => setTimeout(r, 1_000));
    expect(goodCalls.length).toBe(before);
    const refusedCalls = sandbox.controls.calls().filter((c) => c.status === 401).length;
    expect(refusedCalls).toBe(2);
    await Promise.all([healthy.stop(), broken.stop()]);
  });
});
