import { describe, expect, it } from 'vitest';
import type { PageParams } from '../oneclick/paths';
import { fetchLedgerWindow, LEDGER_PAGE_SIZE } from './fetch';
import type { LedgerRow } from './ledger';

const from = new Date('2026-03-09T23:00:00Z');
const to = new Date('2026-03-10T23:00:00Z');

/** A fake ledger serving `rows` newest first, like OneClick and the sandbox. */
function fakeLedger(rows: LedgerRow[], onPage?: (page: number) => LedgerRow[] | undefined) {
  const calls: PageParams[] = [];
  return {
    calls,
    transactions: async (p: PageParams) => {
      calls.push(p);
      const page = p.page ?? 1;
      const size = p.pageSize ?? 20;
      const items = onPage?.(page) ?? rows.slice((page - 1) * size, page * size);
      const totalPages = Math.ceil(rows.length / size);
      return {
        data: {
          items,
          pagination: { page, pageSize: size, totalPages, totalResults: rows.length },
        },
      };
    },
  };
}
const tx = (i: number, time = '2026-03-10T12:00:00Z'): LedgerRow => ({
  _id: `t${i}`,
  type: 'FLEXY',
  amount: '-1',
  oldBalance: '1',
  newBalance: '0',
  time,
});

describe('reading one day of OneClick’s ledger', () => {
  it('reads every page of the day and asks for the day’s last millisecond as `to`', async () => {
    const source = fakeLedger(Array.from({ length: 250 }, (_, i) => tx(i)));
    const w = await fetchLedgerWindow(source, from, to);
    expect(w.rows).toHaveLength(250);
    expect(w.complete).toBe(true);
    expect(w.pagesRead).toBe(3);
    expect(source.calls[0]).toMatchObject({ page: 1, pageSize: LEDGER_PAGE_SIZE, from });
    expect(source.calls[0]?.to).toEqual(new Date('2026-03-10T22:59:59.999Z'));
  });

  it('stops at the page cap and says the window is incomplete', async () => {
    const source = fakeLedger(Array.from({ length: 350 }, (_, i) => tx(i)));
    const w = await fetchLedgerWindow(source, from, to, 2);
    expect(w).toMatchObject({ complete: false, pagesRead: 2, totalResults: 350 });
    expect(w.rows).toHaveLength(200);
  });

  it('keeps a row once when it slides onto the next page, and drops rows outside the day', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => tx(i));
    // A new row arrived between the two calls: the last row of page 1 is served again.
    const late = tx(999, '2026-03-10T23:00:00Z');
    const source = fakeLedger(rows, (page) => (page === 2 ? [...rows.slice(99), late] : undefined));
    const w = await fetchLedgerWindow(source, from, to);
    expect(w.pagesRead).toBe(2);
    expect(w.rows).toHaveLength(150);
    expect(w.rows.some((r) => r._id === 't999')).toBe(false);
  });

  it('treats an empty day as complete after one call', async () => {
    const source = fakeLedger([]);
    const w = await fetchLedgerWindow(source, from, to);
    expect(w).toMatchObject({ rows: [], complete: true, pagesRead: 1 });
  });
});
