'use client';

import { Toast as T } from 'radix-ui';
import { useLocale, useT } from '@/lib/i18n/client';
import { directionOf } from '@/lib/i18n/locales';
import { cn } from './cn';
import { XIcon } from './icons';
import { useToast } from './toast';
import type { ToastTone } from './toast-store';

// The toasts themselves, on Radix: each is announced in a live region, the viewport is a
// landmark reached with F8, and the timer pauses while the person reads. Loaded by
// ToastProvider (toast.tsx) only once a first toast is on its way, so pages that never show
// one do not download Radix Toast.

const TONES: Record<ToastTone, string> = {
  success: 'border-success/50',
  danger: 'border-danger/50',
  info: 'border-info/50',
};

export default function Toaster() {
  const t = useT();
  const rtl = directionOf(useLocale()) === 'rtl';
  const { toasts, dismiss } = useToast();
  return (
    <T.Provider label={t('kit.toastLabel')} duration={6000} swipeDirection={rtl ? 'left' : 'right'}>
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
