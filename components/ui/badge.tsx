import type { ReactNode } from 'react';
import { cn } from './cn';

const TONES = {
  neutral: 'bg-muted text-fg',
  info: 'bg-info/15 text-info-fg',
  success: 'bg-success/15 text-success-fg',
  warning: 'bg-warning/20 text-warning-fg',
  danger: 'bg-danger/15 text-danger-fg',
} as const;
export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium',
        TONES[tone],
      )}
    >
      {children}
    </span>
  );
}
