import { describe, expect, it } from 'vitest';
import { subtractAmounts } from '../money';
import { arithmeticBreaks, balanceAnchor, predictBalance } from './balance';
import type { LedgerRow } from './ledger';

const tx = (
  type: string,
  amount: string,
  oldBalance: string,
  newBalance: string,
  time: string,
  objid?: string,
): LedgerRow => ({
  _id: `${type}-${time}`,
  type,
  amount,
  oldBalance,
  newBalance,
  time,
  objid,
});

describe('the balance our records predict', () => {
  const rows = [
    // Newest first, as OneClick serves them.
    tx('REFUND-FLEXY', '496.25', '9007.50', '9503.75', '2026-03-10T10:00:00Z', 'a'),
    tx('DEPOSIT', '10000', '-992.50', '9007.50', '2026-03-10T09:30:00Z'),
    tx('FLEXY', '-496.25', '-496.25', '-992.50', '2026-03-10T09:00:00Z', 'b'),
    tx('FLEXY', '-496.25', '0', '-496.25', '2026-03-10T08:00:00Z', 'a'),
  ];

  it('anchors on the balance before the oldest row read today, and adds the moves we have no records of', () => {
    const anchor = balanceAnchor(rows, null);
    expect(anchor).toMatchObject({
      balance: '0',
      at: new Date('2026-03-10T08:00:00Z'),
      otherMoves: '10000.00',
      otherCount: 1,
      source: 'window',
    });
  });

  it('agrees with OneClick when our orders since the anchor are the ledger’s top-ups and refunds', () => {
    const anchor = balanceAnchor(rows, null);
    if (!anchor) throw new Error('no anchor');
    // Two orders created since the anchor (a and b, 496.25 each); a became REFUNDED since.
    const predicted = predictBalance(anchor, {
      charged: '992.50',
      chargedCount: 2,
      returned: '496.25',
      returnedCount: 1,
    });
    expect(predicted).toBe('9503.75');
  });

  it('shows an order OneClick charged but our records lack as a difference of exactly its cost', () => {
    const anchor = balanceAnchor(rows, null);
    if (!anchor) throw new Error('no anchor');
    const predicted = predictBalance(anchor, {
      charged: '496.25',
      chargedCount: 1,
      returned: '496.25',
      returnedCount: 1,
    });
    expect(predicted).toBe('10000.00');
    // OneClick's live balance (9503.75, after both charges) is then 496.25 below our prediction.
    expect(subtractAmounts('9503.75', predicted)).toBe('-496.25');
  });

  it('falls back to the newest row of all when today has none yet', () => {
    const anchor = balanceAnchor([], tx('DEPOSIT', '50', '0', '50', '2026-03-09T20:00:00Z'));
    expect(anchor).toMatchObject({ balance: '50', otherMoves: '0.00', source: 'latest' });
    expect(anchor?.at.toISOString()).toBe('2026-03-09T20:00:00.001Z');
    expect(balanceAnchor([], null)).toBeNull();
  });

  it('lists ledger rows whose own arithmetic does not add up', () => {
    const bad = tx('FLEXY', '-496.25', '1000', '503.70', '2026-03-10T08:00:00Z');
    expect(arithmeticBreaks([...rows, bad])).toEqual([bad]);
  });
});
