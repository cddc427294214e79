import { describe, expect, it } from 'vitest';
import {
  absAmount,
  fromCents,
  isDzdAmount,
  sameAmount,
  subtractAmounts,
  sumAmounts,
  toCents,
} from './money';

describe('exact DZD arithmetic for reconciliation', () => {
  it('reads decimal strings into centimes without floats', () => {
    expect(toCents('496.25')).toBe(49625n);
    expect(toCents('490')).toBe(49000n);
    expect(toCents('-3.1')).toBe(-310n);
    expect(toCents('0.05')).toBe(5n);
    expect(toCents('12345678901234.99')).toBe(1234567890123499n);
  });

  it('treats 496.25 and 496.250 as the same amount, and 496.2 as a different one', () => {
    expect(sameAmount('496.25', '496.25')).toBe(true);
    expect(sameAmount('496.25', '496.250')).toBe(true);
    expect(sameAmount('496.25', '496.2')).toBe(false);
    expect(sameAmount('496.25', '496.26')).toBe(false);
  });

  it('adds 0.1 and 0.2 to exactly 0.30, where floats give 0.30000000000000004', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts(['0.1', '0.2'])).toBe('0.30');
    expect(sameAmount(sumAmounts(['0.1', '0.2']), '0.3')).toBe(true);
  });

  it('keeps a thousand 0.10 DZD rows at exactly 100.00', () => {
    expect(sumAmounts(Array.from({ length: 1000 }, () => '0.10'))).toBe('100.00');
  });

  it('refuses a float artefact as a DZD amount instead of rounding the difference away', () => {
    expect(toCents('0.30000000000000004')).toBeNull();
    expect(sameAmount('0.30000000000000004', '0.30')).toBe(false);
    expect(toCents('0.300')).toBe(30n);
  });

  it('never calls text that is not a number equal to anything', () => {
    expect(toCents('1e3')).toBeNull();
    expect(toCents('')).toBeNull();
    expect(toCents(null)).toBeNull();
    expect(sameAmount(null, null)).toBe(false);
  });

  it('prints centimes with two decimals and the sign in front', () => {
    expect(fromCents(49625n)).toBe('496.25');
    expect(fromCents(-310n)).toBe('-3.10');
    expect(fromCents(-5n)).toBe('-0.05');
    expect(fromCents(0n)).toBe('0.00');
  });

  it('subtracts and takes the size of signed ledger amounts exactly', () => {
    expect(subtractAmounts('1326.13', '1326.1')).toBe('0.03');
    expect(subtractAmounts('100', '100.01')).toBe('-0.01');
    expect(absAmount('-496.25')).toBe('496.25');
    expect(absAmount('496.25')).toBe('496.25');
  });
});

describe('a DZD amount as written in forms, settings and the API', () => {
  it('takes whole dinars or two decimals, up to a billion, and nothing else', () => {
    for (const ok of ['0', '500', '5000.5', '5000.50', '1000000000', '1000000000.00'])
      expect(isDzdAmount(ok)).toBe(true);
    for (const bad of ['', '-1', '01', '1.234', '1e3', '1,5', '1000000000.01', ' 5', 'abc'])
      expect(isDzdAmount(bad)).toBe(false);
  });
});
