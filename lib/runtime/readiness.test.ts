import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journal } from '../../db/migrate';
import { createTestDb, type TestDb } from '../../test/db';
import { drain, isDraining, onDrain } from './lifecycle.js';
import { readiness } from './readiness';

// Readiness says whether to send this instance traffic: the database answers, every migration
// its code knows is applied, and it is not draining. Draining runs the stop hooks once.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe('readiness', () => {
  const expected = journal().entries.length;

  it('is ready on a migrated database', async () => {
    expect(await readiness(t.db, expected)).toEqual({ ready: true, migrations: expected });
  });

  it('is not ready while the code expects a migration the database lacks', async () => {
    expect(await readiness(t.db, expected + 1)).toEqual({
      ready: false,
      reason: 'migrations',
      detail: `${expected} of ${expected + 1} applied`,
    });
  });

  it('turns not ready the moment it drains, and runs each stop hook once', async () => {
    let stopped = 0;
    onDrain(async () => {
      stopped++;
    });
    const first = drain();
    expect(isDraining()).toBe(true);
    expect(await readiness(t.db, expected)).toEqual({ ready: false, reason: 'draining' });
    await Promise.all([first, drain()]);
    expect(stopped).toBe(1);
  });
});
