import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../../db/enums';
import { orderFiltersToQuery } from './filter-query';
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

describe('the orders view bounded by Algiers minutes', () => {
  it('reads an hour as [14:00, 15:00) Algiers time, for a link from an hourly chart point', () => {
    const { filters, ignored } = parseOrderFilters({
      from: '2026-11-29T14:00',
      to: '2026-11-29T15:00',
    });
    expect(ignored).toEqual([]);
    expect(orderQuery(filters)).toMatchObject({
      createdFrom: new Date('2026-11-29T13:00:00Z'),
      createdTo: new Date('2026-11-29T14:00:00Z'),
    });
  });

  it('mixes a day and a minute: a day `to` still includes the whole day', () => {
    const { filters } = parseOrderFilters({ from: '2026-11-29T22:30', to: '2026-11-30' });
    expect(orderQuery(filters)).toMatchObject({
      createdFrom: new Date('2026-11-29T21:30:00Z'),
      createdTo: new Date('2026-11-30T23:00:00Z'),
    });
  });

  it('drops a minute that does not exist and says so', () => {
    const { filters, ignored } = parseOrderFilters({
      from: '2026-11-29T25:00',
      to: '2026-11-29T15:00',
    });
    expect(filters.from).toBeUndefined();
    expect(filters.to).toBe('2026-11-29T15:00');
    expect(ignored).toEqual(['from']);
  });

  it('keeps the minute as typed in the view’s URL', () => {
    const { filters } = parseOrderFilters({ from: '2026-11-29T14:00', to: '2026-11-29T15:00' });
    expect(orderFiltersToQuery(filters)).toBe('?from=2026-11-29T14%3A00&to=2026-11-29T15%3A00');
  });
});
