import { describe, expect, it } from 'vitest';
import { decide } from './transitions';

describe('status rules', () => {
  it('follows the normal path PENDING → HANDLING → FULFILLED, marking the last step final', () => {
    expect(decide('PENDING', 'HANDLING')).toEqual({
      kind: 'advance',
      to: 'HANDLING',
      finalizes: false,
    });
    expect(decide('HANDLING', 'FULFILLED')).toEqual({
      kind: 'advance',
      to: 'FULFILLED',
      finalizes: true,
    });
    expect(decide('PENDING', 'REFUNDED')).toEqual({
      kind: 'advance',
      to: 'REFUNDED',
      finalizes: true,
    });
  });

  it('lets UNKNOWN_ERROR resolve to FULFILLED or REFUNDED', () => {
    expect(decide('HANDLING', 'UNKNOWN_ERROR')).toMatchObject({
      kind: 'advance',
      finalizes: false,
    });
    expect(decide('UNKNOWN_ERROR', 'REFUNDED')).toMatchObject({
      kind: 'advance',
      to: 'REFUNDED',
      finalizes: true,
    });
    expect(decide('UNKNOWN_ERROR', 'FULFILLED')).toMatchObject({
      kind: 'advance',
      to: 'FULFILLED',
    });
  });

  it('never applies a regression from a final status, and records it as an anomaly', () => {
    expect(decide('FULFILLED', 'PENDING')).toEqual({ kind: 'regression' });
    expect(decide('REFUNDED', 'HANDLING')).toEqual({ kind: 'regression' });
    expect(decide('FULFILLED', 'UNKNOWN_ERROR')).toEqual({ kind: 'regression' });
    expect(decide('UNKNOWN_ERROR', 'PENDING')).toEqual({ kind: 'regression' });
  });

  it('applies a change between final statuses but flags it for finance', () => {
    expect(decide('FULFILLED', 'REFUNDED')).toEqual({ kind: 'final_change', to: 'REFUNDED' });
    expect(decide('REFUNDED', 'FULFILLED')).toEqual({ kind: 'final_change', to: 'FULFILLED' });
  });

  it('ignores an older observation between early statuses (a stale list page)', () => {
    expect(decide('HANDLING', 'PENDING')).toEqual({ kind: 'stale' });
  });

  it('changes nothing when the status is the same', () => {
    expect(decide('REFUNDED', 'REFUNDED')).toEqual({ kind: 'same' });
  });
});
