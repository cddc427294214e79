'use client';

import { type ReactNode, useState } from 'react';
import type { ActionResult } from '@/lib/actions/action';
import { useT } from '@/lib/i18n/client';
import { Alert } from './alert';
import { Button, type ButtonProps } from './button';
import {
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogRoot,
  AlertDialogTrigger,
  DialogFooter,
} from './dialog';
import { useAction } from './use-action';

/**
 * A button that asks first (the desk's replacement for window.confirm): an alert dialog with
 * the consequence spelled out, Cancel focused, Escape cancelling. The action runs on Confirm;
 * the dialog stays open while it runs and shows a refusal in place, and closes on success
 * (saying so in a toast when `success` gives words).
 */
export function ConfirmButton<R>({
  children,
  title,
  description,
  confirmLabel,
  pendingLabel,
  action,
  success,
  onSuccess,
  variant = 'danger',
  confirmVariant = 'danger',
  size,
  disabled,
  triggerLabel,
  testId,
}: {
  /** What the trigger button shows. */
  children: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  action: () => Promise<ActionResult<R>>;
  success?: (data: R) => string | null | undefined;
  onSuccess?: (data: R) => void;
  /** The trigger's look. */
  variant?: ButtonProps['variant'];
  /** The confirm button's look: danger unless what it does is harmless. */
  confirmVariant?: 'danger' | 'primary';
  size?: ButtonProps['size'];
  disabled?: boolean;
  /** An accessible name for the trigger when its text alone is ambiguous in a table row. */
  triggerLabel?: string;
  testId?: string;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { pending, error, run, reset } = useAction();
  return (
    <AlertDialogRoot
      open={open}
      onOpenChange={(next) => {
        // A refusal belongs to the attempt it answered, not to the next opening.
        if (next) reset();
        if (!pending) setOpen(next);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button
          size={size}
          variant={variant}
          disabled={disabled}
          aria-label={triggerLabel}
          data-testid={testId}
        >
          {children}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent title={title} description={description}>
        {error ? (
          <Alert tone="danger" className="mt-3">
            {error}
          </Alert>
        ) : null}
        <DialogFooter>
          <AlertDialogCancel asChild>
            <Button variant="secondary" disabled={pending}>
              {t('kit.cancel')}
            </Button>
          </AlertDialogCancel>
          {/* Not AlertDialog.Action: that would close before the answer is known. */}
          <Button
            variant={confirmVariant}
            disabled={pending}
            onClick={() =>
              run(action, {
                success,
                toast: true,
                onSuccess: (data) => {
                  setOpen(false);
                  onSuccess?.(data);
                },
              })
            }
          >
            {pending && pendingLabel ? pendingLabel : confirmLabel}
          </Button>
        </DialogFooter>
      </AlertDialogContent>
    </AlertDialogRoot>
  );
}
