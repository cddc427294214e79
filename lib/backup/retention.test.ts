import { describe, expect, it } from 'vitest';
import { backupName } from './dump';
import { toPrune } from './retention';

// Keeping 7 daily and 4 weekly backups: the newest of each day and of each week survive.

const at = (iso: string) => backupName(new Date(iso));

describe('backup retention', () => {
  it('keeps the newest of each of the last 7 days and of each of the last 4 weeks', () => {
    // Two backups a day (03:00 and 15:00 UTC) from Sunday 1 Nov to Sunday 29 Nov 2026.
    const names: string[] = [];
    for (let d = 1; d <= 29; d++)
      for (const h of ['03', '15'])
        names.push(at(`2026-11-${String(d).padStart(2, '0')}T${h}:00:00Z`));
    const pruned = new Set(toPrune(names));
    const kept = names.filter((n) => !pruned.has(n)).sort();
    expect(kept).toEqual(
      [
        // Weeks (Monday to Sunday): the newest of 2–8, 9–15 and 16–22 Nov; 23–29 is in the days.
        '2026-11-08T15:00:00Z',
        '2026-11-15T15:00:00Z',
        '2026-11-22T15:00:00Z',
        // The last 7 days, the newest of each.
        '2026-11-23T15:00:00Z',
        '2026-11-24T15:00:00Z',
        '2026-11-25T15:00:00Z',
        '2026-11-26T15:00:00Z',
        '2026-11-27T15:00:00Z',
        '2026-11-28T15:00:00Z',
        '2026-11-29T15:00:00Z',
      ].map(at),
    );
  });

  it('never touches a file whose name does not say when it was taken', () => {
    expect(toPrune(['notes.txt', 'flexy-manual.gz', at('2026-11-01T03:00:00Z')])).toEqual([]);
  });
});
