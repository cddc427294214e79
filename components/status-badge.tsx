import type { TopupStatus } from '@/db/enums';
import { Badge, type BadgeTone } from './ui/badge';

/** Status colours always come with the status name: never colour alone. */
export const STATUS_TONE: Record<TopupStatus, BadgeTone> = {
  PENDING: 'neutral',
  HANDLING: 'info',
  FULFILLED: 'success',
  REFUNDED: 'warning',
  UNKNOWN_ERROR: 'danger',
};

export function StatusBadge({ status, label }: { status: TopupStatus; label: string }) {
  return (
    <Badge tone={STATUS_TONE[status]}>
      <span data-status={status}>{label}</span>
    </Badge>
  );
}
