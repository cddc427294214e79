import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readState } from '../../db/queries/app-state';
import { createTestDb, type TestDb } from '../../test/db';
import { createDuties, type DutyBackoff, dutiesKey } from './duties';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const quiet = { warn: () => {} };

function setup(workerId: string) {
  let clock = Date.parse('2026-01-01T10:00:00Z');
  const duties = createDuties({ db: t.db, workerId, now: () => clock, log: quiet });
  return { duties, advance: (ms: number) => (clock += ms) };
}

describe('when background duties run', () => {
  it('runs a duty at most once per interval, the first time at once', async () => {
    const { duties, advance } = setup('cadence');
    let runs = 0;
    const task = async () => {
      runs++;
    };
    await duties.every('ingest queue', 5_000, task);
    advance(4_999);
    await duties.every('ingest queue', 5_000, task);
    expect(runs).toBe(1);
    advance(1);
    await duties.every('ingest queue', 5_000, task);
    expect(runs).toBe(2);
  });

  it('a failing duty waits out its backoff, shows on Sync health, and clears once it succeeds', async () => {
    const { duties, advance } = setup('failing');
    let fail = true;
    let runs = 0;
    const task = async () => {
      runs++;
      if (fail) throw new Error('upstream down');
    };
    await duties.run('backfill', task);
    const shown = await readState<Record<string, DutyBackoff>>(t.db, dutiesKey('failing'));
    expect(shown?.backfill).toMatchObject({ failures: 1, error: 'upstream down' });
    await duties.run('backfill', task);
    expect(runs).toBe(1);
    advance(Date.parse(shown?.backfill?.retryAt ?? '') - Date.parse('2026-01-01T10:00:00Z'));
    fail = false;
    await duties.run('backfill', task);
    expect(runs).toBe(2);
    expect(await readState(t.db, dutiesKey('failing'))).toEqual({});
    await duties.clear();
    expect(await readState(t.db, dutiesKey('failing'))).toBeNull();
  });
});
