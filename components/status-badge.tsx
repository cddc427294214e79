import type { TopupStatus } from '@/db/enums';
import { getT } from '@/lib/i18n/server';
import { Badge, type BadgeTone } from './ui/badge';

/** Status colours always come with the status name: never colour alone. */
export const STATUS_TONE: Record<TopupStatus, BadgeTone> = {
  PENDING: 'neutral',
  HANDLING: 'info',
  FULFILLED: 'success',
  REFUNDED: 'warning',
  UNKNOWN_ERROR: 'danger',
};

export async function StatusBadge({ status }: { status: TopupStatus }) {
  const t = await getT();
  return <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>;
}
