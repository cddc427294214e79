import { describe, expect, it } from 'vitest';
import { serverTimingHeader, tableOf, timed, timingStore } from './server-timing';

describe('the Server-Timing header', () => {
  it('sums each name, counts parallel queries once in db, and gives the rest to app', () => {
    const header = serverTimingHeader(
      {
        start: 0,
        spans: [
          { name: 'session', start: 0, end: 4 },
          { name: 'db-users', start: 1, end: 3 },
          { name: 'db-topups', start: 5, end: 15 },
          { name: 'db-topups', start: 6, end: 12 },
          { name: 'db-refunds', start: 14, end: 20 },
        ],
      },
      30,
    );
    expect(header).toBe(
      'session;dur=4.0, db-users;dur=2.0, db-topups;dur=16.0;desc="2 calls", db-refunds;dur=6.0, ' +
        'db;dur=17.0;desc="4 queries", render;dur=11.0, total;dur=30.0',
    );
  });

  it('records only inside a timed request', async () => {
    expect(await timed('outside', async () => 1)).toBe(1);
    const record = { start: performance.now(), spans: [] };
    await timingStore.run(record, () => timed('session', async () => 2));
    expect(record.spans.map((s: { name: string }) => s.name)).toEqual(['session']);
  });

  it('names a statement by the table it reads or writes first', () => {
    expect(tableOf('select "id" from "topups" where "phone" = $1')).toBe('topups');
    expect(tableOf('update "refunds" set "status" = $1')).toBe('refunds');
    expect(tableOf('insert into "audit_log" ("actor") values ($1)')).toBe('audit_log');
    expect(tableOf('select 1')).toBe('other');
  });
});
