import { describe, expect, it } from 'vitest';
import { balanceCost } from './quote';

describe('what a re-send costs our OneClick balance', () => {
  it('is the amount times the plan multiplier, to the centime, never through a float', () => {
    expect(balanceCost('500', '0.9925')).toBe('496.25');
    expect(balanceCost('1000.00', '0.98')).toBe('980.00');
    // 333.33 × 0.9925 = 330.830025: half up at the centime.
    expect(balanceCost('333.33', '0.9925')).toBe('330.83');
    expect(balanceCost('0.01', '0.5')).toBe('0.01');
    expect(balanceCost('500', '1')).toBe('500.00');
  });

  it('says nothing for an amount or a multiplier it cannot read', () => {
    expect(balanceCost('five hundred', '0.98')).toBeNull();
    expect(balanceCost('500', '-0.98')).toBeNull();
    expect(balanceCost('500', '0.98e1')).toBeNull();
  });
});
