import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { timePoolQueries } from './pool';
import { type TimingRecord, timingStore } from './server-timing';

// The Server-Timing header's database figures come from the real pool: every statement a
// request runs, through pool.query or a transaction's client, counted once, by table.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  timePoolQueries(t.pool);
});
afterAll(async () => t?.close());

describe('timing the pool', () => {
  it('counts each statement of a request once, under the table it touches', async () => {
    const record: TimingRecord = { start: performance.now(), spans: [] };
    await timingStore.run(record, async () => {
      await t.pool.query('select count(*) from topups');
      await t.pool.query({ text: 'select 1 from users limit 1' });
      const client = await t.pool.connect();
      try {
        await client.query('begin');
        await client.query('select 1 from refunds limit 1');
        await client.query('commit');
      } finally {
        client.release();
      }
    });
    expect(record.spans.map((s) => s.name)).toEqual([
      'db-topups',
      'db-users',
      'db-other',
      'db-refunds',
      'db-other',
    ]);
    expect(record.spans.every((s) => s.end >= s.start)).toBe(true);
  });

  it('records nothing outside a timed request', async () => {
    const record: TimingRecord = { start: performance.now(), spans: [] };
    await t.pool.query('select count(*) from topups');
    expect(record.spans).toEqual([]);
  });
});
