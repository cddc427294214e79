import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { can } from '../auth/roles';
import { CHART_SPECS } from './chart-specs';
import { parseReportRange } from './range';
import { refreshRollups } from './rollup';

// The reports page is this list: every chart loads its own figures, names only fields its loader
// returns, and its points lead to the orders they count.

let t: TestDb;
const day = (g: 'hour' | 'day') =>
  parseReportRange({ range: 'custom', from: '2026-11-20', to: '2026-11-20', g }, new Date());

beforeAll(async () => {
  t = await createTestDb();
  // 10:05 and 10:10 Algiers (09:xx UTC): one fulfilled, one through UNKNOWN_ERROR to refunded.
  await t.pool.query(
    `insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, balance_amount,
       upstream_created_at, source, finalized_at, unknown_error_at)
     values ('s1', 'FULFILLED', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, 500,
             '2026-11-20T09:05:00Z', 'ingest', '2026-11-20T09:05:10Z', null),
            ('s2', 'REFUNDED', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 700, 700,
             '2026-11-20T09:10:00Z', 'ingest', '2026-11-20T10:10:00Z', '2026-11-20T09:10:20Z')`,
  );
  const { rows } = await t.pool.query(`select id from topups where topup_id = 's2'`);
  await t.pool.query(
    `insert into refunds (topup_pk, amount, created_via, state, created_at)
     values ($1, 700, 'user:f@shop.dz', 'approved', '2026-11-20T11:00:00Z')`,
    [rows[0].id],
  );
  // 13:00 Algiers: s3 (refunded with an offer) re-sent as s4, which OneClick delivered.
  const resent = await t.pool.query(
    `insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount,
       upstream_created_at, source, finalized_at)
     values ('s3', 'REFUNDED', 'PREPAID_DJEZZY', 'Djezzy', '0600000002', 500,
             '2026-11-20T09:20:00Z', 'ingest', '2026-11-20T09:20:15Z'),
            ('s4', 'FULFILLED', 'FACTURE_DJEZZY', 'Djezzy', '0600000002', 500,
             '2026-11-20T12:00:00Z', 'resend', '2026-11-20T12:00:15Z')
     returning id`,
  );
  await t.pool.query(
    `insert into resends (original_pk, ref, plan_code, amount, state, created_via, sending_at,
       new_topup_id, sent_at)
     values ($1, 'fd-resend-s3', 'FACTURE_DJEZZY', 500, 'sent', 'user:f@shop.dz',
             '2026-11-20T12:00:00Z', 's4', '2026-11-20T12:00:00Z')`,
    [resent.rows[0].id],
  );
  await refreshRollups(t.db);
});
afterAll(() => t.close());

describe('the reports’ chart list', () => {
  it('gives every chart its own id, so titles, tables and test ids never clash', () => {
    const ids = CHART_SPECS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'rate',
      'operators',
      'plans',
      'heatmap',
      'ttf',
      'unknown',
      'refunds',
      'recovered',
    ]);
  });

  it.each(['hour', 'day'] as const)(
    'loads every chart per %s with the fields its series and table name',
    async (g) => {
      for (const spec of CHART_SPECS) {
        const points = await spec.load(t.db, day(g));
        expect(points.length, spec.id).toBeGreaterThan(0);
        const fields = [...spec.series, ...spec.columns].map((s) => s.field);
        for (const p of points)
          for (const f of fields) expect(p, `${spec.id}.${f}`).toHaveProperty(f);
      }
    },
  );

  it('opens an hourly rate point as that Algiers hour’s fulfilled orders', async () => {
    const rate = CHART_SPECS.find((s) => s.id === 'rate');
    const range = day('hour');
    const [point] = (await rate?.load(t.db, range)) ?? [];
    expect(point?.key).toBe('2026-11-20T09:00:00Z');
    expect(point && rate?.link?.(point, range)).toBe(
      '/orders?tab=FULFILLED&from=2026-11-20T10:00&to=2026-11-20T11:00',
    );
  });

  it('opens an operator bar as that operator’s orders over the whole range', async () => {
    const operators = CHART_SPECS.find((s) => s.id === 'operators');
    const range = day('day');
    const [point] = (await operators?.load(t.db, range)) ?? [];
    expect(point && operators?.link?.(point, range)).toBe(
      '/orders?operator=Djezzy&from=2026-11-20&to=2026-11-20',
    );
  });

  it('shows managers and admins every chart, and refunds only to roles that read refunds', () => {
    const visible = (role: 'manager' | 'admin') =>
      CHART_SPECS.filter((s) => can(role, s.capability)).map((s) => s.id);
    expect(visible('manager')).toHaveLength(CHART_SPECS.length);
    expect(visible('admin')).toHaveLength(CHART_SPECS.length);
    expect(CHART_SPECS.find((s) => s.id === 'refunds')?.capability).toBe('refunds:read');
  });
});
