'use client';

import { Dialog as D } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from './cn';

// Radix handles focus trapping, Escape, aria-modal and returning focus to the trigger.
export const DialogRoot = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;

export function DialogContent({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-40 bg-black/50" />
      <D.Content
        className={cn(
          'fixed start-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-y-1/2 ltr:-translate-x-1/2 rtl:translate-x-1/2',
          'rounded-lg border border-border bg-surface p-6 shadow-lg focus:outline-none',
          className,
        )}
        {...(description ? {} : { 'aria-describedby': undefined })}
      >
        <D.Title className="text-lg font-semibold text-fg">{title}</D.Title>
        {description ? (
          <D.Description className="mt-1 text-sm text-muted-fg">{description}</D.Description>
        ) : null}
        <div className="mt-4">{children}</div>
      </D.Content>
    </D.Portal>
  );
}
