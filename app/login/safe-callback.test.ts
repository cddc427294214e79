import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback';

describe('where sign-in sends a person afterwards', () => {
  it.each([
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/%09/evil.example', // as typed, if it reached us still encoded
    '//evil.example',
    '/\\evil.example',
    '\\/evil.example',
    'https://evil.example/orders',
    'javascript:alert(1)',
    ' /orders',
    '/orders\u0000',
    '/login?callbackUrl=%2F%2Fevil.example',
  ])('never to another host, nor anywhere odd: %j → /', (value) => {
    expect(safeCallbackUrl(value)).toBe('/');
  });

  it('keeps a path on this desk with its query and fragment', () => {
    expect(safeCallbackUrl('/orders?tab=REFUNDED&phone=0778037340#top')).toBe(
      '/orders?tab=REFUNDED&phone=0778037340#top',
    );
    expect(safeCallbackUrl(['/refunds', '/admin'])).toBe('/refunds');
    expect(safeCallbackUrl(undefined)).toBe('/');
  });
});
