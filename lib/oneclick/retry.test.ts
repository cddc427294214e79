import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry';

describe('Retry-After', () => {
  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('never returns a negative wait for a date in the past', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.now())).toBe(0);
  });
});
