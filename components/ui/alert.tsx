import type { ReactNode } from 'react';
import { cn } from './cn';

const TONES = {
  info: 'border-info/40 bg-info/10',
  success: 'border-success/40 bg-success/10',
  warning: 'border-warning/50 bg-warning/10',
  danger: 'border-danger/40 bg-danger/10',
} as const;

/** Errors are announced at once (role=alert); other notices politely (role=status). */
export function Alert({
  tone = 'info',
  children,
  className,
  ...rest
}: {
  tone?: keyof typeof TONES;
  children: ReactNode;
  className?: string;
  'data-testid'?: string;
}) {
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      className={cn('rounded-md border px-4 py-3 text-sm text-fg', TONES[tone], className)}
      {...rest}
    >
      {children}
    </div>
  );
}
