'use client';

import { lazy, type ReactNode, Suspense, useSyncExternalStore } from 'react';
import { createToastStore, type ToastInput, type ToastItem } from './toast-store';

const store = createToastStore();
const NONE: readonly ToastItem[] = [];

/** Shows a short message that goes away by itself (paused while hovered or focused; F8 reaches it). */
export function toast(input: ToastInput | string): number {
  return store.add(typeof input === 'string' ? { title: input } : input);
}

export function useToast() {
  const toasts = useSyncExternalStore(store.subscribe, store.getSnapshot, () => NONE);
  return { toasts, toast, dismiss: store.remove };
}

const loadToaster = () => import('./toaster');
const Toaster = lazy(loadToaster);

/** Starts fetching the toast code early, e.g. when an action that may end in a toast starts. */
export function preloadToaster() {
  void loadToaster();
}

/** Mounted once around the desk; the toasts' code arrives with the first toast. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { toasts } = useToast();
  return (
    <>
      {children}
      {toasts.length > 0 ? (
        <Suspense fallback={null}>
          <Toaster />
        </Suspense>
      ) : null}
    </>
  );
}
