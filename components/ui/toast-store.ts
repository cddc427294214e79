// The toasts on screen, outside React so any code (a hook, an action's callback) can add one
// with `toast()`; the Toaster subscribes with useSyncExternalStore.

export type ToastTone = 'success' | 'danger' | 'info';
export type ToastInput = { title: string; description?: string; tone?: ToastTone };
export type ToastItem = ToastInput & { id: number };

/** More than a few at once is noise: the oldest go first. */
export const TOAST_LIMIT = 3;

export function createToastStore(limit = TOAST_LIMIT) {
  let items: readonly ToastItem[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  const set = (next: readonly ToastItem[]) => {
    items = next;
    for (const listener of listeners) listener();
  };
  return {
    add(input: ToastInput): number {
      const id = nextId++;
      set([...items, { ...input, id }].slice(-limit));
      return id;
    },
    remove(id: number) {
      if (items.some((item) => item.id === id)) set(items.filter((item) => item.id !== id));
    },
    clear() {
      if (items.length) set([]);
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: (): readonly ToastItem[] => items,
  };
}

export type ToastStore = ReturnType<typeof createToastStore>;
