import {
  cloneElement,
  type InputHTMLAttributes,
  isValidElement,
  type ReactElement,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { cn } from './cn';

const control =
  'h-10 w-full rounded-md border border-border bg-surface px-3 text-sm text-fg ' +
  'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring ' +
  'aria-[invalid=true]:border-danger';

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(control, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(control, 'pe-8', className)} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(control, 'h-auto py-2', className)} {...props} />;
}

type ControlProps = {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: InputHTMLAttributes<HTMLInputElement>['aria-invalid'];
};

/**
 * The ids a field's parts use and what its control points at: the hint and the error, in that
 * order, joined to any description the control already names (a help line elsewhere on the form).
 */
export function fieldWiring(
  id: string,
  { hint, error, describedBy }: { hint?: boolean; error?: boolean; describedBy?: string },
) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const ids = [describedBy, hint ? hintId : null, error ? errorId : null].filter(Boolean);
  return {
    hintId,
    errorId,
    control: {
      id,
      'aria-describedby': ids.length ? ids.join(' ') : undefined,
      'aria-invalid': error ? true : undefined,
    } satisfies ControlProps,
  };
}

/**
 * A label, its one control, a hint and an error, wired together for screen readers: the control
 * gets the id the label names, `aria-describedby` listing the hint and the error, and
 * `aria-invalid` while there is an error. Callers write no ids (pass `id` only when a test or a
 * link needs a fixed one). Works in server and client components alike.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  className,
}: {
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: ReactElement<ControlProps>;
  className?: string;
}) {
  const autoId = useId();
  const own = isValidElement(children) ? children.props : {};
  const wiring = fieldWiring(id ?? own.id ?? autoId, {
    hint: Boolean(hint),
    error: Boolean(error),
    describedBy: own['aria-describedby'],
  });
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <label htmlFor={wiring.control.id} className="text-sm font-medium text-fg">
        {label}
      </label>
      {isValidElement(children) ? cloneElement(children, wiring.control) : children}
      {hint ? (
        <p id={wiring.hintId} className="text-xs text-muted-fg">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={wiring.errorId} className="text-sm text-danger-fg">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A group of controls (checkboxes, radios) under a legend, with its hint and error read out. */
export function FieldGroup({
  legend,
  hint,
  error,
  children,
  className,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
  className?: string;
}) {
  const wiring = fieldWiring(useId(), { hint: Boolean(hint), error: Boolean(error) });
  return (
    <fieldset
      className={cn('space-y-2', className)}
      aria-describedby={wiring.control['aria-describedby']}
      aria-invalid={wiring.control['aria-invalid']}
    >
      <legend className="text-sm font-medium text-fg">{legend}</legend>
      {hint ? (
        <p id={wiring.hintId} className="text-sm text-muted-fg">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={wiring.errorId} className="text-sm text-danger-fg">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
