import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OneClickError } from '@/lib/oneclick/errors';
import type { PageParams } from '@/lib/oneclick/paths';
import { createTestDb, type TestDb } from '@/test/db';
import { reconciliationCsv } from './csv';
import { parseRange } from './days';
import type { LedgerRow } from './ledger';
import { loadReconciliation, type Upstream } from './load';

// The page's data end to end: real Postgres for our side, a scripted OneClick for theirs.
const NOW = new Date('2026-03-10T15:00:00Z'); // 16:00 in Algiers, 10 March
const range = parseRange({ from: '2026-03-09', to: '2026-03-10' }, NOW);

let t: TestDb;
let seq = 0;
const tx = (
  type: string,
  objid: string | undefined,
  amount: string,
  old: string,
  next: string,
  time: string,
): LedgerRow => {
  seq += 1;
  return {
    _id: `L${seq}`,
    type,
    objid,
    amount,
    oldBalance: old,
    newBalance: next,
    time: `2026-03-10T${time}Z`,
  };
};
// Oldest first here; served newest first like OneClick.
const LEDGER = [
  tx('DEPOSIT', undefined, '1000', '5000', '6000', '07:00:00'),
  tx('FLEXY', 'r1', '-496.25', '6000', '5503.75', '08:00:00'),
  tx('REFUND-FLEXY', 'r1', '496.25', '5503.75', '6000', '08:00:20'),
  tx('FLEXY', 'f1', '-970', '6000', '5030', '09:00:00'),
  tx('FLEXY', 'r2', '-99.25', '5030', '4930.75', '10:00:00'),
  tx('REFUND-FLEXY', 'r2', '99.2', '4930.75', '5029.95', '10:00:20'),
  tx('REFUND-FLEXY', 'ghost', '50', '5029.95', '5079.95', '11:00:00'),
];

function fakeOneClick(): Upstream {
  return {
    balance: async () => ({ data: { balance: '5079.95' } }),
    transactions: async (p: PageParams) => {
      const from = p.from ? new Date(p.from).getTime() : 0;
      const to = p.to ? new Date(p.to).getTime() : Number.POSITIVE_INFINITY;
      const items = LEDGER.filter(
        (r) => Date.parse(r.time) >= from && Date.parse(r.time) <= to,
      ).reverse();
      const size = p.pageSize ?? 20;
      const page = p.page ?? 1;
      return {
        data: {
          items: items.slice((page - 1) * size, page * size),
          pagination: {
            page,
            pageSize: size,
            totalPages: Math.ceil(items.length / size),
            totalResults: items.length,
          },
        },
      };
    },
  };
}

async function order(
  id: string,
  status: string,
  balance: string,
  created: string,
  changed: string,
) {
  await t.pool.query(
    `insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, balance_amount,
       upstream_created_at, source, status_changed_at)
     values ($1, $2, 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, $3, $4, 'list-sync', $5)`,
    [id, status, balance, `2026-03-10T${created}Z`, `2026-03-10T${changed}Z`],
  );
}

beforeAll(async () => {
  t = await createTestDb();
  await order('r1', 'REFUNDED', '496.25', '08:00:00', '08:00:30');
  await order('f1', 'FULFILLED', '970', '09:00:00', '09:00:20');
  await order('r2', 'REFUNDED', '99.25', '10:00:00', '10:00:30');
});
afterAll(() => t.close());

describe('the reconciliation page’s data', () => {
  it('matches the day’s credits and predicts the balance, showing an unknown credit as the difference', async () => {
    const data = await loadReconciliation(t.db, range, NOW, fakeOneClick);
    if (!data.ledger.ok || !data.balance.ok || data.balance.predicted === null)
      throw new Error('live parts missing');
    const { credits, debits } = data.ledger;
    expect(credits.matched.map((p) => p.order.topupId)).toEqual(['r1']);
    expect(credits.mismatched.map((p) => [p.order.topupId, p.row.amount])).toEqual([
      ['r2', '99.2'],
    ]);
    expect(credits.unmatched.map((u) => [u.row.objid, u.reason])).toEqual([
      ['ghost', 'unknown_order'],
    ]);
    expect(debits).toMatchObject({
      count: 3,
      total: '1565.50',
      oursCount: 3,
      oursTotal: '1565.50',
    });
    expect(data.balance).toMatchObject({
      live: '5079.95',
      predicted: '5030.00',
      difference: '49.95',
    });
    expect(data.days.at(-1)?.missing).toMatchObject({ count: 2, amount: '595.50' });
  });

  it('still shows our own figures, and says why, when OneClick cannot be reached', async () => {
    const data = await loadReconciliation(t.db, range, NOW, () => {
      throw new OneClickError({ kind: 'network', message: 'connect ECONNREFUSED' });
    });
    expect(data.ledger).toEqual({ ok: false, reason: 'network' });
    expect(data.balance).toEqual({ ok: false, reason: 'network' });
    expect(data.days.at(-1)?.refunded).toEqual({ count: 2, amount: '595.50' });
    expect(data.missingOnDay).toHaveLength(2);
  });

  it('reports a ledger read that fails half-way instead of failing the page', async () => {
    const broken = fakeOneClick();
    broken.transactions = async () => {
      throw new OneClickError({ kind: 'timeout', message: 'timed out' });
    };
    const data = await loadReconciliation(t.db, range, NOW, () => broken);
    expect(data.ledger).toEqual({ ok: false, reason: 'timeout' });
    expect(data.balance).toEqual({ ok: false, reason: 'timeout' });
  });

  it('exports the per-day rows, the day’s lists and the balance as CSV', async () => {
    const csv = reconciliationCsv(await loadReconciliation(t.db, range, NOW, fakeOneClick));
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^day,refunded_upstream_count,refunded_upstream_dzd,/);
    expect(lines).toContain('2026-03-10,2,595.50,0,0.00,2,595.50,2026-03-10T08:00:30.000Z,0,0.00');
    expect(lines).toContain('total,2,595.50,0,0.00,2,595.50,2026-03-10T08:00:30.000Z,0,0.00');
    expect(csv).toContain(
      'credit_unmatched,2026-03-10,L7,REFUND-FLEXY,ghost,50,2026-03-10T11:00:00Z,,,,,,,unknown_order',
    );
    expect(csv).toContain('credit_amount_differs,2026-03-10,L6,REFUND-FLEXY,r2,99.2,');
    expect(lines).toContain('difference_dzd,49.95');
    // A debit amount starts with "-": kept as text, not run as a spreadsheet formula.
    expect(csv).not.toMatch(/,-496\.25,/);
  });
});
