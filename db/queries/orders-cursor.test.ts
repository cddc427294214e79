import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './orders-cursor';

const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('paging cursors', () => {
  it('round-trip the cursors the list hands out', () => {
    const created = { value: '2026-11-20T09:00:00.000Z', id: 42 };
    expect(decodeCursor(encodeCursor(created), 'created')).toEqual(created);
    const amount = { value: '1300.00', id: 7 };
    expect(decodeCursor(encodeCursor(amount), 'amount')).toEqual(amount);
  });

  it('read a forged or garbled cursor as no cursor (the first page), never as a query error', () => {
    const bad = [
      'not base64 at all!',
      forged(['not a date', 1]),
      forged(['2026-13-45T99:00:00.000Z', 1]),
      forged(['2026-11-20T09:00:00.000Z', 0]),
      forged(['2026-11-20T09:00:00.000Z', 2 ** 63]),
      forged(['2026-11-20T09:00:00.000Z', '1']),
      forged({ value: '2026-11-20T09:00:00.000Z', id: 1 }),
      forged(["1' or '1'='1", 1]),
      // Year 0 is a valid JavaScript date and no date at all to Postgres.
      forged(['0000-01-01T00:00:00.000Z', 1]),
    ];
    for (const text of bad) expect(decodeCursor(text, 'created'), text).toBeNull();
    // A cursor made under one sort order means nothing under the other.
    expect(
      decodeCursor(encodeCursor({ value: '2026-11-20T09:00:00.000Z', id: 3 }), 'amount'),
    ).toBeNull();
    expect(decodeCursor(encodeCursor({ value: '1300.00', id: 3 }), 'created')).toBeNull();
    expect(decodeCursor(forged(['1e400', 3]), 'amount')).toBeNull();
    expect(decodeCursor(forged(['-5', 3]), 'amount')).toBeNull();
  });
});
