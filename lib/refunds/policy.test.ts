import { describe, expect, it } from 'vitest';
import { approvalReason, mayRequestRefund, refusalFor } from './policy';

describe('refund eligibility', () => {
  it('refunds only what OneClick says is REFUNDED', () => {
    expect(refusalFor('REFUNDED', { nextCheckAt: null })).toBeNull();
    expect(refusalFor('FULFILLED', { nextCheckAt: null })?.reason).toBe('refund.refusedFulfilled');
    expect(refusalFor('PENDING', { nextCheckAt: null })?.reason).toBe('refund.refusedInFlight');
    expect(refusalFor('HANDLING', { nextCheckAt: null })?.reason).toBe('refund.refusedInFlight');
  });

  it('never refunds UNKNOWN_ERROR, and says when OneClick is checked again', () => {
    expect(refusalFor('UNKNOWN_ERROR', { nextCheckAt: '14:05' })).toEqual({
      reason: 'refund.refusedUnknown',
      params: { time: '14:05' },
    });
  });

  it('lets finance, admins and the shop’s token refund; support and managers never', () => {
    expect(mayRequestRefund({ role: 'finance', viaToken: false })).toBe(true);
    expect(mayRequestRefund({ role: 'admin', viaToken: false })).toBe(true);
    expect(mayRequestRefund({ role: null, viaToken: true })).toBe(true);
    expect(mayRequestRefund({ role: 'support', viaToken: false })).toBe(false);
    expect(mayRequestRefund({ role: 'manager', viaToken: false })).toBe(false);
  });

  it('asks for a second approval above the threshold or after an UNKNOWN_ERROR, comparing exact cents', () => {
    expect(approvalReason('5000.00', '5000', false)).toBeNull();
    expect(approvalReason('5000.01', '5000', false)).toBe('amount');
    expect(approvalReason('100', '5000', true)).toBe('unknown_error');
    expect(approvalReason('5000.1', '5000.10', false)).toBeNull();
  });
});
