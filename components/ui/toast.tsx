'use client';

import { Toast as T } from 'radix-ui';
import { type ReactNode, useSyncExternalStore } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { directionOf } from '@/lib/i18n/locales';
import { cn } from './cn';
import { XIcon } from './icons';
import { createToastStore, type ToastInput, type ToastItem, type ToastTone } from './toast-store';

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

const TONES: Record<ToastTone, string> = {
  success: 'border-success/50',
  danger: 'border-danger/50',
  info: 'border-info/50',
};

/**
 * Mounted once around the desk: Radix announces each toast in a live region, gives the
 * viewport a landmark and the F8 shortcut, and pauses the timer while the person reads.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const rtl = directionOf(useLocale()) === 'rtl';
  const { toasts, dismiss } = useToast();
  return (
    <T.Provider label={t('kit.toastLabel')} duration={6000} swipeDirection={rtl ? 'left' : 'right'}>
      {children}
      {toasts.map((item) => (
        <T.Root
          key={item.id}
          onOpenChange={(open) => {
            if (!open) dismiss(item.id);
          }}
          className={cn(
            'pointer-events-auto relative rounded-md border bg-surface p-4 pe-10 text-sm text-fg shadow-lg',
            TONES[item.tone ?? 'info'],
          )}
          data-testid="toast"
        >
          <T.Title className="font-medium">{item.title}</T.Title>
          {item.description ? (
            <T.Description className="mt-1 text-muted-fg">{item.description}</T.Description>
          ) : null}
          <T.Close
            aria-label={t('kit.dismiss')}
            className="absolute end-2 top-2 rounded p-1 text-muted-fg hover:bg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-ring"
          >
            <XIcon />
          </T.Close>
        </T.Root>
      ))}
      <T.Viewport
        label={t('kit.toastRegion')}
        className="fixed bottom-0 end-0 z-[100] m-0 flex max-h-screen w-full list-none flex-col gap-2 p-4 outline-none sm:max-w-sm"
      />
    </T.Provider>
  );
}
