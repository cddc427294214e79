import { describe, expect, it } from 'vitest';
import { bucketLabel, bucketOrdersHref, bucketSpan, ordersHref } from './links';

describe('a report point opens the orders of its hour or day', () => {
  it('opens an hourly point as that Algiers hour, from included to the next hour excluded', () => {
    // 11:00 UTC is 12:00 in Algiers.
    expect(bucketOrdersHref('2026-11-01T11:00:00Z')).toBe(
      '/orders?from=2026-11-01T12:00&to=2026-11-01T13:00',
    );
  });

  it('puts the evening hours that cross midnight on the right Algiers day', () => {
    // 22:00 UTC is 23:00 in Algiers: the hour ends at midnight of the next day.
    expect(bucketSpan('2026-11-01T22:00:00Z')).toEqual({
      grain: 'hour',
      from: '2026-11-01T23:00',
      to: '2026-11-02T00:00',
    });
    // 23:00 UTC on New Year's Eve is already the first hour of the new year in Algiers.
    expect(bucketSpan('2026-12-31T23:00:00Z')).toEqual({
      grain: 'hour',
      from: '2027-01-01T00:00',
      to: '2027-01-01T01:00',
    });
  });

  it('opens a daily point as that day, both ends included, keeping the chart’s own filter', () => {
    expect(bucketOrdersHref('2026-11-01', { tab: 'FULFILLED' })).toBe(
      '/orders?tab=FULFILLED&from=2026-11-01&to=2026-11-01',
    );
    expect(bucketOrdersHref('2026-11-01T11:00:00Z', { tab: 'FULFILLED' })).toBe(
      '/orders?tab=FULFILLED&from=2026-11-01T12:00&to=2026-11-01T13:00',
    );
  });

  it('links nowhere for a key that is neither an hour nor a real day', () => {
    expect(bucketOrdersHref('2025-02-30')).toBeNull();
    expect(bucketOrdersHref('2026-11-01T11:30:00Z')).toBeNull();
    expect(bucketOrdersHref('Djezzy')).toBeNull();
  });

  it('labels a table row with the day, or the hour’s Algiers start', () => {
    expect(bucketLabel('2026-11-01')).toBe('2026-11-01');
    expect(bucketLabel('2026-11-01T11:00:00Z')).toBe('2026-11-01 12:00');
  });

  it('encodes operator and plan names, in a fixed parameter order', () => {
    expect(ordersHref({ to: '2026-11-03', plan: 'A B&C', from: '2026-11-01' })).toBe(
      '/orders?plan=A%20B%26C&from=2026-11-01&to=2026-11-03',
    );
    expect(ordersHref({})).toBe('/orders');
  });
});
