import { and, eq, isNull, or } from 'drizzle-orm';
import { topups } from '../schema';

/**
 * "Refund due", in one place for every query (the trigger-kept count uses the SQL function
 * topup_refund_due, and the partial index topups_refund_due_idx the same predicate): OneClick
 * says REFUNDED, no customer refund yet, not a retry or follow-up (those are refunded on their
 * original), and every linked order ended REFUNDED too.
 */
export const refundDue = and(
  eq(topups.status, 'REFUNDED'),
  isNull(topups.refundedAt),
  isNull(topups.parentPk),
  or(isNull(topups.chainState), eq(topups.chainState, 'refunded')),
);
