import { describe, expect, it } from 'vitest';
import { createToastStore } from './toast-store';

describe('the toasts on screen', () => {
  it('shows each new toast after the others, and tells the Toaster', () => {
    const store = createToastStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.add({ title: 'one' });
    store.add({ title: 'two', tone: 'success' });
    expect(store.getSnapshot().map((x) => x.title)).toEqual(['one', 'two']);
    expect(calls).toBe(2);
  });

  it('keeps only the newest few: the oldest leave first', () => {
    const store = createToastStore(3);
    for (const title of ['a', 'b', 'c', 'd']) store.add({ title });
    expect(store.getSnapshot().map((x) => x.title)).toEqual(['b', 'c', 'd']);
  });

  it('removes one toast by its id, and ignores an id already gone', () => {
    const store = createToastStore();
    const first = store.add({ title: 'a' });
    store.add({ title: 'b' });
    let calls = 0;
    store.subscribe(() => calls++);
    store.remove(first);
    store.remove(first);
    expect(store.getSnapshot().map((x) => x.title)).toEqual(['b']);
    expect(calls).toBe(1);
  });

  it('keeps the same snapshot while nothing changes (no needless re-render)', () => {
    const store = createToastStore();
    store.add({ title: 'a' });
    expect(store.getSnapshot()).toBe(store.getSnapshot());
  });

  it('stops telling a listener once it unsubscribed', () => {
    const store = createToastStore();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    off();
    store.add({ title: 'a' });
    expect(calls).toBe(0);
  });
});
