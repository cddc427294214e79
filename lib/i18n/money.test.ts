import { describe, expect, it } from 'vitest';
import { formatDzd } from './money';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('DZD amounts on screen', () => {
  it('1488.75 in every language and both digit choices', () => {
    expect(formatDzd('1488.75', 'en')).toBe(`1,488.75${NBSP}DZD`);
    expect(formatDzd('1488.75', 'fr')).toBe(`1${NNBSP}488,75${NBSP}DA`);
    expect(formatDzd('1488.75', 'ar')).toBe(`1.488,75${NBSP}دج`);
    expect(formatDzd('1488.75', 'ar-arab')).toBe(`١٬٤٨٨٫٧٥${NBSP}دج`);
  });

  it('groups thousands and drops zero cents', () => {
    expect(formatDzd('1234567.00', 'en')).toBe(`1,234,567${NBSP}DZD`);
    expect(formatDzd('10000', 'fr')).toBe(`10${NNBSP}000${NBSP}DA`);
    expect(formatDzd('500', 'ar')).toBe(`500${NBSP}دج`);
  });

  it('keeps real cents exactly as stored, with no float rounding', () => {
    expect(formatDzd('496.25', 'en')).toBe(`496.25${NBSP}DZD`);
    expect(formatDzd('0.10', 'en')).toBe(`0.10${NBSP}DZD`);
    expect(formatDzd('0.05', 'ar-arab')).toBe(`٠٫٠٥${NBSP}دج`);
    expect(formatDzd('90071992547409931.99', 'en')).toBe(`90,071,992,547,409,931.99${NBSP}DZD`);
  });

  it('shows a dash for a missing amount and leaves a garbled one as it is', () => {
    expect(formatDzd(null, 'en')).toBe('—');
    expect(formatDzd('12,5', 'fr')).toBe('12,5');
  });
});
