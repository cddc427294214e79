import { describe, expect, it } from 'vitest';
import { methodLabel, routeGroup, statusClass } from './http-requests.js';

// Request durations are labelled by a handful of groups, never by path: paths carry order ids,
// phone numbers and refs, and a label per path would grow without end.

describe('request duration labels', () => {
  it('group requests by what answered them, whatever the path holds', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['/_next/static/chunks/app-1a2b.js', {}, 'static'],
      ['/_next/image?url=%2Flogo.png&w=64', {}, 'static'],
      ['/favicon.ico', {}, 'static'],
      ['/orders/12345', { 'next-action': '7f3a' }, 'action'],
      ['/api/v1/topups/order-12345', {}, 'shop_api'],
      ['/api/v1/openapi.json', {}, 'shop_api'],
      ['/api/health', {}, 'probe'],
      ['/api/metrics/', {}, 'probe'],
      ['/api/auth/callback/credentials', {}, 'api'],
      ['/orders?status=PENDING&q=0778037340', {}, 'page'],
      ['/orders/export?tab=REFUNDED', {}, 'page'],
      ['/', { rsc: '1' }, 'page'],
    ];
    for (const [url, headers, group] of cases)
      expect([url, routeGroup(url, headers)]).toEqual([url, group]);
  });

  it('keep methods and statuses to a fixed set of values', () => {
    expect(['get', 'POST', 'PROPFIND', undefined].map(methodLabel)).toEqual([
      'GET',
      'POST',
      'OTHER',
      'OTHER',
    ]);
    expect([200, 304, 404, 503, 0, 999].map(statusClass)).toEqual([
      '2xx',
      '3xx',
      '4xx',
      '5xx',
      'other',
      'other',
    ]);
  });
});
