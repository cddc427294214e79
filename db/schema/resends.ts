import { sql } from 'drizzle-orm';
import { bigint, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { RESEND_STATES } from '../enums';
import { money, tz } from './columns';
import { topups } from './topups';
import { users } from './users';

// Re-sends: a refunded top-up sent again with an offer OneClick suggested, once per original
// (lib/resends). The row is claimed before the send, so it is also the send's outbox: a send
// whose answer was lost stays `sending` until check-ref settles it under its deterministic ref.

export const resendState = pgEnum('resend_state', RESEND_STATES);

export const resends = pgTable(
  'resends',
  {
    /** Also the idempotency key of the `topup.resent` notice to the merchant's system. */
    id: uuid('id').primaryKey().defaultRandom(),
    originalPk: bigint('original_pk', { mode: 'number' })
      .notNull()
      .references(() => topups.id),
    /** Derived from the original (lib/resends/ref.ts): OneClick's DUPLICATED_REF guards it too. */
    ref: text('ref').notNull(),
    planCode: text('plan_code').notNull(),
    /** What the customer gets (the offer's amount). */
    amount: money('amount').notNull(),
    /** What it costs our OneClick balance, from /mobile/plans when the dialog was shown. */
    cost: money('cost'),
    state: resendState('state').notNull(),
    /** Why a second finance user must approve: 'amount' or 'unknown_error'. */
    approvalReason: text('approval_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    /** `user:<email>` or `token:<name>`. */
    createdVia: text('created_via').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tz('decided_at'),
    decisionNote: text('decision_note'),
    /** When the send was made (claimed for sending). */
    sendingAt: tz('sending_at'),
    /** The new order, once OneClick took the send. */
    newTopupId: text('new_topup_id'),
    newTopupPk: bigint('new_topup_pk', { mode: 'number' }).references(() => topups.id),
    sentAt: tz('sent_at'),
    /** 'answer' (the send's own answer) or 'check-ref' (a lost answer, settled by the ref). */
    settledVia: text('settled_via'),
    /** OneClick's error code and message when it refused the send (state `failed`). */
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    errorField: text('error_field'),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('resends_original_key').on(t.originalPk),
    uniqueIndex('resends_ref_key').on(t.ref),
    index('resends_sending_idx').on(t.sendingAt).where(sql`${t.state} = 'sending'`),
    index('resends_created_idx').on(t.createdAt.desc()),
  ],
);
