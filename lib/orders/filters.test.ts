import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../../db/enums';
import { orderQuery, parseOrderFilters } from './filters';

describe('the orders view read from its URL', () => {
  it('filters amounts written as every DZD amount is (whole dinars or two decimals, up to a billion)', () => {
    expect(parseOrderFilters({ min: '500', max: '1000000000' })).toMatchObject({
      filters: { min: '500', max: '1000000000' },
      ignored: [],
    });
    const { filters, ignored } = parseOrderFilters({ min: '1.234', max: '1000000000.01' });
    expect(filters).not.toHaveProperty('min');
    expect(filters).not.toHaveProperty('max');
    expect(ignored).toEqual(['min', 'max']);
  });

  it('offers the operators of db/enums.ts and drops any other name', () => {
    for (const operator of OPERATORS)
      expect(parseOrderFilters({ operator }).filters.operator).toBe(operator);
    expect(parseOrderFilters({ operator: 'Nedjma' }).ignored).toEqual(['operator']);
  });

  it('turns the creation days into Algiers instants for the query, both days included', () => {
    const { filters } = parseOrderFilters({
      from: '2026-11-20',
      to: '2026-11-21',
      tab: 'REFUNDED',
    });
    const query = orderQuery(filters);
    expect(query).toMatchObject({
      tab: 'REFUNDED',
      createdFrom: new Date('2026-11-19T23:00:00Z'),
      createdTo: new Date('2026-11-21T23:00:00Z'),
    });
    expect(query).not.toHaveProperty('from');
    expect(query).not.toHaveProperty('to');
  });
});
