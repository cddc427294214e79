import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { until } from '../../test/until';
import { createOneClickClient } from '../oneclick/client';
import { type Sandbox, startSandbox } from '../sandbox';
import { createManualClock } from '../sandbox/clock';
import { createCredentialsGate, keyFingerprint, readStanding } from '../sync/credentials';
import { startWorker } from './worker';

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
  const badKey = 'not-the-right-key';
  const refusals = () => sandbox.controls.calls().filter((c) => c.status === 401).length;

  /** One process's worker with the given key, its standing kept in the shared database. */
  function startInstance(db: TestDb, apiKey: string, name: string) {
    const gate = createCredentialsGate({ db: db.db, apiKey, holder: name, pollMs: 20 });
    const client = createOneClickClient({ apiKey, baseUrl: sandbox.url, maxRetries: 0, gate });
    let pausedTicks = 0;
    const worker = startWorker({
      db: db.db,
      client,
      log: quiet,
      tickMs: 20,
      onTick: ({ paused }) => {
        pausedTicks = paused === 'credentials' ? pausedTicks + 1 : 0;
      },
    });
    return { gate, worker, paused: () => pausedTicks };
  }

  it('three restarts with a bad key reach the upstream at most twice in all', async () => {
    const db = await createTestDb();
    sandbox.controls.resetAuth();
    const before = refusals();
    for (const run of ['first start', 'restart 1', 'restart 2', 'restart 3']) {
      const instance = startInstance(db, badKey, run);
      // Each run goes on until its worker has stopped itself for a few ticks in a row.
      await until(`${run} to stop calling`, () => instance.paused() >= 3);
      await instance.worker.stop();
    }
    expect(refusals() - before).toBe(2);
    const standing = await readStanding(db.db, keyFingerprint(badKey));
    expect(standing).toMatchObject({ state: 'refused', refusals: 2 });
    await db.close();
  });

  it('two instances starting together with a bad key reach the upstream at most twice', async () => {
    const db = await createTestDb();
    sandbox.controls.resetAuth();
    const before = refusals();
    const [a, b] = [startInstance(db, badKey, 'a'), startInstance(db, badKey, 'b')];
    await until('both to stop', () => a.paused() >= 3 && b.paused() >= 3);
    await Promise.all([a.worker.stop(), b.worker.stop()]);
    expect(refusals() - before).toBe(2);
    await db.close();
  });

  it('a new key in the environment is tried at once, without waiting for an admin', async () => {
    const db = await createTestDb();
    sandbox.controls.resetAuth();
    const bad = startInstance(db, badKey, 'bad');
    await until('the bad key to be refused', () => bad.paused() >= 3);
    await bad.worker.stop();
    const good = startInstance(db, sandbox.apiKey, 'good');
    await until('the new key to be confirmed', async () => {
      const standing = await readStanding(db.db, keyFingerprint(sandbox.apiKey));
      return standing.state === 'ok';
    });
    await good.worker.stop();
    await db.close();
  });
});

describe('an IP the upstream blocks', () => {
  it('makes no call until the block ends, then calls again', async () => {
    const clock = createManualClock(Date.now());
    const blocking = await startSandbox({ port: 0, clock });
    const db = await createTestDb();
    // Five wrong keys from this IP (another tool, a colleague's script): OneClick blocks it.
    for (let i = 0; i < 5; i++)
      await fetch(`${blocking.url}/account/balance`, { headers: { 'X-Access-Token': 'wrong' } });
    const calls = () => blocking.controls.calls().filter((c) => c.status !== undefined).length;
    const gate = createCredentialsGate({
      db: db.db,
      apiKey: blocking.apiKey,
      holder: 'w',
      now: clock.now,
    });
    const client = createOneClickClient({
      apiKey: blocking.apiKey,
      baseUrl: blocking.url,
      maxRetries: 0,
      gate,
      now: clock.now,
    });
    let ticks = 0;
    let paused = 0;
    const worker = startWorker({
      db: db.db,
      client,
      log: quiet,
      tickMs: 20,
      now: clock.now,
      onTick: (tick) => {
        ticks++;
        if (tick.paused) paused++;
      },
    });
    await until('the block to be learned', () => paused >= 1);
    const blocked = blocking.controls.calls().filter((c) => c.status === 403).length;
    expect(blocked).toBe(1);
    const callsWhileBlocked = calls();
    const ticksThen = ticks;
    await until('twenty ticks while blocked', () => ticks >= ticksThen + 20);
    expect(calls()).toBe(callsWhileBlocked);
    expect(await readStanding(db.db, gate.fingerprint)).toMatchObject({
      blockedUntil: expect.any(Date),
    });
    clock.advance(15 * 60_000 + 1_000);
    await until('calls to resume after the block', () => calls() > callsWhileBlocked);
    await worker.stop();
    await blocking.close();
    await db.close();
  });
});

describe('a background duty that keeps failing', () => {
  it('backs off instead of calling the upstream again every tick', async () => {
    const db = await createTestDb();
    const listCalls = () =>
      sandbox.controls.calls().filter((c) => c.path === '/v3/mobile/list').length;
    const client = createOneClickClient({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      maxRetries: 0,
    });
    await client.balance(); // the key is confirmed: calls are not serialised
    sandbox.controls.setFaults({ rate: 1, kinds: ['500'], paths: ['/mobile/list'] });
    const before = listCalls();
    let ticks = 0;
    const worker = startWorker({
      db: db.db,
      client,
      log: quiet,
      tickMs: 20,
      onTick: () => {
        ticks++;
      },
    });
    await until('forty ticks', () => ticks >= 40);
    await worker.stop();
    sandbox.controls.clearFaults();
    const calls = listCalls() - before;
    // Backfill and the incremental window each failed at least once, then waited.
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThan(10);
    await db.close();
  });
});
