import type { ActionResult } from '@/lib/actions/action';

/** What a button says after its action ran: the action's refusal as written, or a success. */
export type Outcome = { ok: boolean; text: string };

/** Everything a form needs after an answer: the line to show, the form-wide error, each field's. */
export type ActionState = {
  outcome: Outcome | null;
  /** The refusal as the action wrote it (for a form-wide alert), null after a success. */
  error: string | null;
  /** One message per refused field, to show next to that field. */
  fieldErrors: Record<string, string>;
};

export const IDLE: ActionState = { outcome: null, error: null, fieldErrors: {} };

export type RunOptions<R> = {
  /** The words for a success; none leaves the line empty. */
  success?: (data: R) => string | null | undefined;
  /** Say the success in a toast (it outlives a row that leaves the page) instead of the line. */
  toast?: boolean;
  onSuccess?: (data: R) => void;
  onError?: (error: string) => void;
  /** Re-read the page's server data after the answer (the default). */
  refresh?: boolean;
};

/** The state an answer leads to, and the words to toast if any. Pure, so it is tested alone. */
export function settle<R>(
  result: ActionResult<R>,
  options: RunOptions<R>,
): { state: ActionState; toast: string | null } {
  if (!result.ok) {
    const fieldErrors = result.fieldErrors ?? {};
    return {
      state: {
        // A refusal of one field (a form's note) reads better than the form-wide message.
        outcome: { ok: false, text: Object.values(fieldErrors)[0] ?? result.error },
        error: result.error,
        fieldErrors,
      },
      toast: null,
    };
  }
  const text = options.success?.(result.data) || null;
  return {
    state: {
      outcome: text && !options.toast ? { ok: true, text } : null,
      error: null,
      fieldErrors: {},
    },
    toast: text && options.toast ? text : null,
  };
}
