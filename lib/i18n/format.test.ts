import { describe, expect, it } from 'vitest';
import { interpolate } from './format';

const rows = '{count, plural, one {# row} other {# rows}}';
const ar =
  '{count, plural, zero {لا صفوف} one {صف واحد} two {صفّان} few {# صفوف} many {# صفًّا} other {# صف}}';

describe('catalogue strings with counts (ICU plurals, as next-intl reads them)', () => {
  it('picks the English form and writes the count in the person’s digits', () => {
    expect(interpolate(rows, { count: 1 }, 'en-GB')).toBe('1 row');
    expect(interpolate(rows, { count: 10000 }, 'en-GB')).toBe('10,000 rows');
    expect(interpolate(rows, { count: 10000 }, 'fr-DZ-u-nu-latn')).toMatch(/^10\s000 rows$/);
  });

  it('gives Arabic its six forms', () => {
    const say = (n: number) => interpolate(ar, { count: n }, 'ar-DZ-u-nu-latn');
    expect([0, 1, 2, 3, 11, 100].map(say)).toEqual([
      'لا صفوف',
      'صف واحد',
      'صفّان',
      '3 صفوف',
      '11 صفًّا',
      '100 صف',
    ]);
    expect(interpolate(ar, { count: 3 }, 'ar-DZ-u-nu-arab')).toBe('٣ صفوف');
  });

  it('fills plain placeholders inside and around a plural, and prefers an exact =N form', () => {
    expect(
      interpolate(
        '{name}: {count, plural, =0 {nothing} one {# of {total}} other {# of {total}}}',
        {
          name: 'Orders',
          count: 0,
          total: 5,
        },
        'en-GB',
      ),
    ).toBe('Orders: nothing');
    expect(interpolate('Row {n}', { n: 3 }, 'en-GB')).toBe('Row 3');
    expect(interpolate('Keep {missing}', { n: 3 }, 'en-GB')).toBe('Keep {missing}');
  });
});
