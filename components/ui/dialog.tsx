'use client';

import { AlertDialog as A, Dialog as D } from 'radix-ui';
import type { HTMLAttributes, ReactNode } from 'react';
import { useT } from '@/lib/i18n/client';
import { cn } from './cn';
import { XIcon } from './icons';

// Radix traps focus inside, closes on Escape, sets aria-modal, wires the title and the
// description to the dialog (aria-labelledby/-describedby) and gives focus back to the trigger.
export const Dialog = D.Root;
export const DialogRoot = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;

const overlayClass = 'fixed inset-0 z-40 bg-black/50';
export const dialogPanelClass = cn(
  'fixed start-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-y-1/2 ltr:-translate-x-1/2 rtl:translate-x-1/2',
  'rounded-lg border border-border bg-surface p-6 shadow-lg focus:outline-none',
);
const titleClass = 'text-lg font-semibold text-fg';
const descriptionClass = 'mt-1 text-sm text-muted-fg';

/** A modal with its title (required: it names the dialog) and an optional description. */
export function DialogContent({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const t = useT();
  return (
    <D.Portal>
      <D.Overlay className={overlayClass} />
      <D.Content
        className={cn(dialogPanelClass, className)}
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
  );
}

/** The row of buttons at the foot of a dialog: the main action last (at the end side). */
export function DialogFooter({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('mt-4 flex flex-wrap justify-end gap-2', className)} {...props} />;
}

// An alert dialog asks before something that cannot be undone: no close on a click outside,
// and focus starts on Cancel so a stray Enter does nothing.
export const AlertDialogRoot = A.Root;
export const AlertDialogTrigger = A.Trigger;
export const AlertDialogCancel = A.Cancel;
export const AlertDialogAction = A.Action;

export function AlertDialogContent({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <A.Portal>
      <A.Overlay className={overlayClass} />
      <A.Content className={cn(dialogPanelClass, className)}>
        <A.Title className={titleClass}>{title}</A.Title>
        <A.Description className={descriptionClass}>{description}</A.Description>
        {children}
      </A.Content>
    </A.Portal>
  );
}
