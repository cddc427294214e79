import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeState } from '../../db/queries/app-state';
import { createTestDb, type TestDb } from '../../test/db';
import { until } from '../../test/until';
import { BACKFILL_KEY, type BackfillState } from '../sync/list-sync';
import { doneLine, progressLine, watchBackfill } from './history-progress';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const state = (over: Partial<BackfillState>): BackfillState => ({
  status: 'running',
  to: new Date().toISOString(),
  nextPage: 2,
  totalPages: 303,
  totalResults: 30_214,
  imported: 100,
  startedAt: new Date().toISOString(),
  finishedAt: null,
  ...over,
});

describe('what npm start prints while the history is imported', () => {
  it('counts orders with their share, then the time from launch', () => {
    expect(progressLine({ imported: 12_000, totalResults: 30_214 })).toBe(
      'history: 12,000 / 30,214 orders imported (39%)',
    );
    expect(progressLine({ imported: 0, totalResults: null })).toBe('history: 0 orders imported');
    expect(doneLine({ imported: 30_214 }, 41_234)).toBe(
      'history: 30,214 orders in Postgres in 41.2 s',
    );
  });

  it('follows the backfill row in Postgres: progress while it runs, the total once, then stops', async () => {
    const lines: string[] = [];
    const launchedAt = new Date(Date.now() - 5_000);
    const stop = watchBackfill({
      db: t.db,
      say: (line) => lines.push(line),
      sinceLaunch: () => Date.now() - launchedAt.getTime(),
      launchedAt,
      pollMs: 10,
      printEveryMs: 0,
    });
    await writeState(t.db, BACKFILL_KEY, state({ imported: 100 }));
    await until('a progress line', () => lines.length === 1);
    await writeState(t.db, BACKFILL_KEY, state({ imported: 15_200 }));
    await until('another', () => lines.length === 2);
    const finishedAt = new Date().toISOString();
    await writeState(t.db, BACKFILL_KEY, state({ status: 'done', imported: 30_214, finishedAt }));
    await until('the total', () => lines.length === 3);
    await stop();
    expect(lines.slice(0, 2)).toEqual([
      'history: 100 / 30,214 orders imported (0%)',
      'history: 15,200 / 30,214 orders imported (50%)',
    ]);
    expect(lines[2]).toMatch(/^history: 30,214 orders in Postgres in \d+\.\d s$/);
  });

  it('says nothing about an import finished before this start', async () => {
    const db = await createTestDb();
    const finishedAt = new Date(Date.now() - 60_000).toISOString();
    await writeState(db.db, BACKFILL_KEY, state({ status: 'done', imported: 30_214, finishedAt }));
    const lines: string[] = [];
    const launchedAt = new Date();
    const stop = watchBackfill({
      db: db.db,
      say: (line) => lines.push(line),
      sinceLaunch: () => 1_000,
      launchedAt,
      pollMs: 10,
    });
    await stop();
    expect(lines).toEqual([]);
    await db.close();
  });
});
