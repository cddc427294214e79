import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../db/enums';
import { normalizeMsisdn, OPERATOR_PREFIX, operatorOf } from './phone';

describe('Algerian mobile numbers', () => {
  it('reads a number typed in any common form as 0 + 9 digits', () => {
    for (const typed of ['0778037340', '778037340', '213778037340', '+213 778 03 73 40'])
      expect(normalizeMsisdn(typed)).toBe('0778037340');
  });

  it('takes the three operators’ ranges (05, 06, 07) and nothing else', () => {
    expect(normalizeMsisdn('0555123456')).toBe('0555123456');
    expect(normalizeMsisdn('0661123456')).toBe('0661123456');
    expect(normalizeMsisdn('0455123456')).toBeNull();
    expect(normalizeMsisdn('0855123456')).toBeNull();
  });
});

describe('the operator of a top-up', () => {
  it('comes from the plan code when it names one (Pixx and Sama are Mobilis)', () => {
    expect(operatorOf('PREPAID_DJEZZY', '0661123456')).toBe('Djezzy');
    expect(operatorOf('prepaid_ooredoo', '0778037340')).toBe('Ooredoo');
    expect(operatorOf('GROS_MOBILIS', '0778037340')).toBe('Mobilis');
    expect(operatorOf('PIXX_500', '0778037340')).toBe('Mobilis');
    expect(operatorOf('SAMA_1000', '0778037340')).toBe('Mobilis');
  });

  it('else from the number, and Other when neither names one', () => {
    expect(operatorOf('FLEXY', '0555123456')).toBe('Ooredoo');
    expect(operatorOf('FLEXY', '0661123456')).toBe('Mobilis');
    expect(operatorOf('FLEXY', '0778037340')).toBe('Djezzy');
    expect(operatorOf('FLEXY', '')).toBe('Other');
  });

  it('reads each operator’s own prefix back from its numbers (the seed numbers customers so)', () => {
    for (const [operator, digit] of Object.entries(OPERATOR_PREFIX)) {
      expect(OPERATORS).toContain(operator);
      expect(operatorOf('FLEXY', `0${digit}12345678`)).toBe(operator);
    }
  });
});
