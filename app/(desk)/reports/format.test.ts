import { describe, expect, it } from 'vitest';
import { createT } from '@/lib/i18n';
import { formatValue } from './format';

// Chart axes, tooltips and tables read figures in the person's language and digits.

describe('report figures in each language', () => {
  it('writes rates and counts the French and Arabic way, not the English one', () => {
    expect(formatValue(0.875, 'percent', 'en', createT('en'))).toBe('87.5%');
    expect(formatValue(0.875, 'percent', 'fr', createT('fr'))).toMatch(/^87,5\s%$/);
    expect(formatValue(12400, 'count', 'fr', createT('fr'))).toMatch(/^12\s400$/);
    expect(formatValue(12400, 'count', 'ar-arab', createT('ar-arab'))).toBe('١٢٬٤٠٠');
  });

  it('says durations with the language’s unit, and “over an hour” past the last bucket', () => {
    expect(formatValue(13, 'seconds', 'en', createT('en'))).toBe('13 s');
    expect(formatValue(2.46, 'hours', 'fr', createT('fr'))).toBe('2,5 h');
    expect(formatValue(13, 'seconds', 'ar', createT('ar'))).toBe('13 ثا');
    expect(formatValue(Number.POSITIVE_INFINITY, 'seconds', 'en', createT('en'))).toBe('over 1 h');
  });

  it('keeps DZD amounts exact, with the local decimal sign and currency', () => {
    expect(formatValue('1488.75', 'dzd', 'en', createT('en'))).toBe('1,488.75\u00a0DZD');
    expect(formatValue(1500, 'dzd', 'fr', createT('fr'))).toBe('1\u202f500\u00a0DA');
  });

  it('shows a dash for a figure that is missing', () => {
    expect(formatValue(null, 'percent', 'en', createT('en'))).toBe('—');
    expect(formatValue(undefined, 'count', 'fr', createT('fr'))).toBe('—');
  });
});
