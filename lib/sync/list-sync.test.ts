import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readState } from '../../db/queries/app-state';
import { createTestDb, type TestDb } from '../../test/db';
import { startSyncHarness } from '../../test/sync-harness';
import { createEngine } from './engine';
import { BACKFILL_KEY, type BackfillState, backfillStep, incrementalSync } from './list-sync';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const count = async () =>
  (await t.pool.query('select count(*)::int as n from topups')).rows[0].n as number;

describe('importing orders nobody registered', () => {
  it('backfills the whole history page by page, resuming where a crashed worker stopped', async () => {
    const h = await startSyncHarness();
    const day = 24 * 3600_000;
    for (let i = 0; i < 250; i++)
      h.place({
        createdAt: h.clock.now() - ((i + 1) * day) / 10,
        timeline: [{ status: 'FULFILLED', atMs: 0 }],
      });
    const deps = (workerId: string) => {
      const engine = createEngine({ db: t.db, client: h.client, now: h.clock.now, workerId });
      return { db: t.db, client: h.client, engine, now: h.clock.now, workerId };
    };
    const first = await backfillStep(deps('w1'));
    expect(first).toMatchObject({ status: 'running', nextPage: 2, totalPages: 3, imported: 100 });
    // w1 dies; once its lease runs out another worker carries on from page 2.
    h.clock.advance(61_000);
    let state: BackfillState | null = null;
    for (let i = 0; i < 5 && state?.status !== 'done'; i++) state = await backfillStep(deps('w2'));
    expect(state).toMatchObject({ status: 'done', imported: 250 });
    expect(await count()).toBe(250);
    expect((await readState<BackfillState>(t.db, BACKFILL_KEY))?.status).toBe('done');
    // Orders placed after the backfill started arrive through the incremental window.
    h.place();
    h.place();
    expect(await incrementalSync(deps('w2'))).toBe(2);
    expect(await count()).toBe(252);
    await h.close();
  });
});
