import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCallStats } from '../../db/queries/call-stats';
import { createTestDb, recordingDb, type TestDb } from '../../test/db';
import { parsePrometheusText } from '../../test/prometheus';
import { createMetricsRegistry } from './registry';

// The upstream call counters on a real database, with the clock in the test's hands: totals
// stay exact as minutes settle into the process's memory, and later scrapes read recent rows only.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const T0 = new Date('2030-03-01T12:00:30Z');
const minutesFrom = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
const minuteOf = (at: Date) => new Date(Math.floor(at.getTime() / 60_000) * 60_000);

describe('upstream call counters', () => {
  it('stay exact as minutes settle, and a scrape after the first reads only recent minutes', async () => {
    let now = T0;
    const { db, statements } = recordingDb(t.pool);
    const registry = createMetricsRegistry(
      { db: () => db, now: () => now },
      { processMetrics: false },
    );
    const scrape = async () => {
      statements.length = 0;
      const m = parsePrometheusText(await registry.metrics());
      return {
        ok: m.value('flexy_upstream_calls_total', { operation: 'checkId', outcome: 'ok' }),
        error: m.value('flexy_upstream_calls_total', { operation: 'checkId', outcome: 'error' }),
        seconds: m.value('flexy_upstream_call_duration_seconds_total', { operation: 'checkId' }),
      };
    };
    const callStats = (at: Date, calls: number, errors: number, totalMs: number) =>
      addCallStats(t.db, [{ minute: minuteOf(at), operation: 'checkId', calls, errors, totalMs }]);

    await callStats(minutesFrom(T0, -30), 10, 1, 4_000); // settled at the first scrape
    await callStats(minutesFrom(T0, -2), 5, 0, 1_000); // still open to late flushes
    expect(await scrape()).toEqual({ ok: 14, error: 1, seconds: 5 });

    await callStats(minutesFrom(T0, -2), 4, 2, 500); // a late flush into an open minute
    await callStats(T0, 1, 0, 250);
    now = minutesFrom(T0, 1);
    expect(await scrape()).toEqual({ ok: 17, error: 3, seconds: 5.75 });
    const recent = statements.find((s) => s.includes('upstream_call_stats'));
    expect(recent).toMatch(/"minute" >= \$/);

    now = minutesFrom(T0, 15); // both recent minutes are settled now: kept once, not twice
    expect(await scrape()).toEqual({ ok: 17, error: 3, seconds: 5.75 });
    await callStats(minutesFrom(T0, 14), 3, 0, 3_000);
    expect(await scrape()).toEqual({ ok: 20, error: 3, seconds: 8.75 });

    // A second scrape while one is reading shares its read instead of keeping minutes twice.
    now = minutesFrom(T0, 40);
    const [a, b] = await Promise.all([scrape(), scrape()]);
    expect(a).toEqual({ ok: 20, error: 3, seconds: 8.75 });
    expect(b).toEqual(a);
    expect(await scrape()).toEqual({ ok: 20, error: 3, seconds: 8.75 });
  });

  it('report the last upstream success as +Inf seconds ago when there has been none', async () => {
    const registry = createMetricsRegistry(
      { db: () => t.db, now: () => new Date() },
      { processMetrics: false },
    );
    const m = parsePrometheusText(await registry.metrics());
    expect(m.value('flexy_upstream_last_success_age_seconds')).toBe(Number.POSITIVE_INFINITY);
    expect(m.value('flexy_sync_oldest_due_check_age_seconds')).toBe(0);
    expect(m.value('flexy_webhook_oldest_undelivered_age_seconds')).toBe(0);
  });
});
