'use client';

import { AlertDialog as A, Dialog as D } from 'radix-ui';
import { type ReactNode, useRef } from 'react';
import { useT } from '@/lib/i18n/client';
import { cn } from './cn';
import type { DialogState } from './dialog';
import { XIcon } from './icons';

// The Radix half of ./dialog.tsx, fetched when a person first reaches for a dialog. Radix traps
// focus inside, closes on Escape, sets aria-modal and wires the title and the description to
// the dialog (aria-labelledby/-describedby); focus goes back to the trigger on close.

const overlayClass = 'fixed inset-0 z-40 bg-black/50';
const panelClass = cn(
  'fixed start-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-y-1/2 ltr:-translate-x-1/2 rtl:translate-x-1/2',
  'rounded-lg border border-border bg-surface p-6 shadow-lg focus:outline-none',
);
const titleClass = 'text-lg font-semibold text-fg';
const descriptionClass = 'mt-1 text-sm text-muted-fg';

export type PanelProps = {
  state: DialogState;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
};

/** Back to the button that opened the dialog (Radix would look for its own Trigger). */
function returnFocus(state: DialogState) {
  return (event: Event) => {
    const trigger = state.triggerRef.current;
    if (!trigger) return;
    event.preventDefault();
    trigger.focus();
  };
}

export function DialogPanel({ state, title, description, children, className }: PanelProps) {
  const t = useT();
  return (
    <D.Root open={state.open} onOpenChange={state.setOpen}>
      <D.Portal>
        <D.Overlay className={overlayClass} />
        <D.Content
          className={cn(panelClass, className)}
          onCloseAutoFocus={returnFocus(state)}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <D.Title className={cn(titleClass, 'pe-8')}>{title}</D.Title>
          {description ? (
            <D.Description className={descriptionClass}>{description}</D.Description>
          ) : null}
          <div className="mt-4">{children}</div>
          <D.Close
            aria-label={t('kit.close')}
            className="absolute end-3 top-3 rounded p-1 text-muted-fg hover:bg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-ring"
          >
            <XIcon />
          </D.Close>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

/** An alert dialog: no close on a click outside, and focus starts on Cancel. */
export function AlertDialogPanel({ state, title, description, children, className }: PanelProps) {
  const content = useRef<HTMLDivElement>(null);
  return (
    <A.Root open={state.open} onOpenChange={state.setOpen}>
      <A.Portal>
        <A.Overlay className={overlayClass} />
        <A.Content
          ref={content}
          className={cn(panelClass, className)}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            content.current?.querySelector<HTMLElement>('[data-dialog-cancel]')?.focus();
          }}
          onCloseAutoFocus={returnFocus(state)}
        >
          <A.Title className={titleClass}>{title}</A.Title>
          <A.Description className={descriptionClass}>{description}</A.Description>
          {children}
        </A.Content>
      </A.Portal>
    </A.Root>
  );
}
