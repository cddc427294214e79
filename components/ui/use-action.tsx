'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/action';
import { type ActionState, IDLE, type Outcome, type RunOptions, settle } from './action-state';
import { cn } from './cn';
import { preloadToaster, toast } from './toast';

export type { Outcome, RunOptions };

/**
 * The desk's one way to run a server action from a button or a form: one call at a time
 * (`pending` disables the controls), the answer kept for a StatusLine (`outcome`), a form-wide
 * alert (`error`) and the fields (`fieldErrors`), and the page's server data refreshed afterwards
 * so what the person sees is what the database now holds. The second argument is the success
 * words, or options (`toast`, `onSuccess`, `onError`, `refresh: false`).
 */
export function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionState>(IDLE);
  const run = <R,>(
    call: () => Promise<ActionResult<R>>,
    options: ((data: R) => string) | RunOptions<R> = {},
  ) => {
    const o: RunOptions<R> = typeof options === 'function' ? { success: options } : options;
    if (o.toast) preloadToaster();
    startTransition(async () => {
      const result = await call();
      const next = settle(result, o);
      setState(next.state);
      if (next.toast) toast({ title: next.toast, tone: 'success' });
      if (result.ok) o.onSuccess?.(result.data);
      else o.onError?.(result.error);
      if (o.refresh !== false) router.refresh();
    });
  };
  const reset = useCallback(() => setState(IDLE), []);
  return { pending, ...state, run, reset };
}

/** Announces an Outcome to screen readers and shows it in the success or danger colour. */
export function StatusLine({
  outcome,
  small,
  ...rest
}: {
  outcome: Outcome | null;
  small?: boolean;
  'data-testid'?: string;
}) {
  return (
    <p
      role="status"
      className={cn(
        small ? 'text-xs' : 'text-sm',
        outcome?.ok ? 'text-success-fg' : 'text-danger-fg',
      )}
      {...rest}
    >
      {outcome?.text}
    </p>
  );
}
