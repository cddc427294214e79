import { describe, expect, it } from 'vitest';
import { rowKeyAction } from './keyboard';

const press = (key: string, over: Partial<Parameters<typeof rowKeyAction>[0]> = {}) => ({
  key,
  target: 'other' as const,
  ...over,
});

describe('moving through a table with j and k', () => {
  it('lands on the first row at the first j or k, then moves one row at a time', () => {
    expect(rowKeyAction(press('j'), null, 5)).toEqual({ type: 'move', index: 0 });
    expect(rowKeyAction(press('k'), null, 5)).toEqual({ type: 'move', index: 0 });
    expect(rowKeyAction(press('j'), 0, 5)).toEqual({ type: 'move', index: 1 });
    expect(rowKeyAction(press('k'), 3, 5)).toEqual({ type: 'move', index: 2 });
  });

  it('stops at the first and the last row instead of wrapping', () => {
    expect(rowKeyAction(press('j'), 4, 5)).toEqual({ type: 'move', index: 4 });
    expect(rowKeyAction(press('k'), 0, 5)).toEqual({ type: 'move', index: 0 });
  });

  it('does nothing in an empty table', () => {
    expect(rowKeyAction(press('j'), null, 0)).toBeNull();
  });

  it('j, j, k, Enter opens the second row', () => {
    let active: number | null = null;
    for (const key of ['j', 'j', 'k']) {
      const action = rowKeyAction(press(key), active, 3);
      active = action?.type === 'move' ? action.index : active;
    }
    expect(rowKeyAction(press('Enter'), active, 3)).toEqual({ type: 'open', index: 0 });
    expect(active).toBe(0);
  });
});

describe('keys that belong to someone else', () => {
  it('ignores keys typed in a field, a menu or a dialog', () => {
    expect(rowKeyAction(press('j', { target: 'field' }), 1, 5)).toBeNull();
    expect(rowKeyAction(press('Enter', { target: 'field' }), 1, 5)).toBeNull();
  });

  it('ignores keys with Ctrl, Cmd or Alt (browser and global shortcuts)', () => {
    expect(rowKeyAction(press('j', { ctrlKey: true }), 1, 5)).toBeNull();
    expect(rowKeyAction(press('k', { metaKey: true }), 1, 5)).toBeNull();
    expect(rowKeyAction(press('j', { altKey: true }), 1, 5)).toBeNull();
  });

  it('leaves Enter on a focused link or button to that control, and needs an active row', () => {
    expect(rowKeyAction(press('Enter', { target: 'control' }), 1, 5)).toBeNull();
    expect(rowKeyAction(press('Enter'), null, 5)).toBeNull();
    expect(rowKeyAction(press('Enter'), 2, 5)).toEqual({ type: 'open', index: 2 });
  });

  it('ignores a capital J (Shift) and every other key', () => {
    expect(rowKeyAction(press('J'), 1, 5)).toBeNull();
    expect(rowKeyAction(press('g'), 1, 5)).toBeNull();
  });
});
