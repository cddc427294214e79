import { describe, expect, it } from 'vitest';
import { formatDzd } from './money';

describe('DZD amounts on screen', () => {
  it('groups thousands and drops zero cents', () => {
    expect(formatDzd('1234567.00', 'en')).toBe('1,234,567 DZD');
    expect(formatDzd('500', 'en')).toBe('500 DZD');
  });

  it('keeps real cents exactly as stored, with no float rounding', () => {
    expect(formatDzd('496.25', 'en')).toBe('496.25 DZD');
    expect(formatDzd('0.10', 'en')).toBe('0.10 DZD');
    expect(formatDzd('90071992547409931.99', 'en')).toBe('90,071,992,547,409,931.99 DZD');
  });

  it('shows a dash for a missing amount', () => {
    expect(formatDzd(null, 'en')).toBe('—');
  });
});
