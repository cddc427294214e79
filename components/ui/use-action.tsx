'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/action';
import { cn } from './cn';

/** What a button says after its action ran: the action's refusal as written, or a success. */
export type Outcome = { ok: boolean; text: string };

/**
 * The desk's one way to run a server action from a button: one call at a time (`pending`
 * disables the controls), the answer kept as an Outcome for a StatusLine, and the page's server
 * data refreshed afterwards so what the person sees is what the database now holds.
 */
export function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = <R,>(call: () => Promise<ActionResult<R>>, success: (data: R) => string) =>
    startTransition(async () => {
      const result = await call();
      setOutcome(
        result.ok
          ? { ok: true, text: success(result.data) }
          : // A refusal of one field (a form's note) reads better than the form-wide message.
            { ok: false, text: Object.values(result.fieldErrors ?? {})[0] ?? result.error },
      );
      router.refresh();
    });
  return { pending, outcome, run };
}

/** Announces an Outcome to screen readers and shows it in the success or danger colour. */
export function StatusLine({ outcome, small }: { outcome: Outcome | null; small?: boolean }) {
  return (
    <p
      role="status"
      className={cn(
        small ? 'text-xs' : 'text-sm',
        outcome?.ok ? 'text-success-fg' : 'text-danger-fg',
      )}
    >
      {outcome?.text}
    </p>
  );
}
