import { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { TOPUP_STATUSES } from '../../db/enums';
import {
  queuedByIdOrRef,
  type TopupViewRow,
  topupByIdOrRef,
  topupByTopupId,
} from '../../db/queries/lookup';
import { dzdAmountText, utcTime } from './shapes';

// What the shop sees of a top-up: our truth about it, with upstream and our own times. Only
// the columns of db/queries/lookup.ts `topupViewColumns` are read; leases, error counters and
// review flags stay internal.

type ViewRow = TopupViewRow;

/** The view as the shop gets it; the API document's `Topup` is generated from it. */
export const topupViewSchema = z.object({
  topupId: z.string(),
  ref: z.string().nullable(),
  status: z.enum(TOPUP_STATUSES),
  planCode: z.string(),
  operator: z.string(),
  msisdn: z.string().meta({ examples: ['0778037340'] }),
  topupAmount: dzdAmountText,
  balanceAmount: dzdAmountText.nullable(),
  customerRef: z.string().nullable(),
  customerPrice: dzdAmountText.nullable(),
  refundMessage: z.string().nullable().meta({ description: 'Arabic text for the end customer.' }),
  suggestedOffers: z.array(
    z.object({ typename: z.string(), plan_code: z.string(), amount: z.string() }),
  ),
  createdAt: utcTime.meta({ description: 'Upstream creation time.' }),
  firstSeenAt: utcTime,
  statusChangedAt: utcTime,
  finalizedAt: utcTime.nullable(),
  nextCheckAt: utcTime.nullable(),
});
export type TopupView = z.output<typeof topupViewSchema>;

/** Amounts stay decimal strings (numeric → string); times become ISO 8601 in UTC. */
export function toView(row: ViewRow): TopupView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    topupId: row.topupId,
    ref: row.ref,
    status: row.status,
    planCode: row.planCode,
    operator: row.operator,
    msisdn: row.msisdn,
    topupAmount: row.topupAmount,
    balanceAmount: row.balanceAmount,
    customerRef: row.customerRef,
    customerPrice: row.customerPrice,
    refundMessage: row.refundMessage,
    suggestedOffers: row.suggestedOffers ?? [],
    createdAt: row.upstreamCreatedAt.toISOString(),
    firstSeenAt: row.firstSeenAt.toISOString(),
    statusChangedAt: row.statusChangedAt.toISOString(),
    finalizedAt: iso(row.finalizedAt),
    nextCheckAt: iso(row.nextCheckAt),
  };
}

export async function viewByTopupId(db: Db | Tx, topupId: string) {
  const row = await topupByTopupId(db, topupId);
  return row ? toView(row) : null;
}

/** By upstream id or by ref; an id match wins if one key is both (ids and refs may collide). */
export async function viewByIdOrRef(db: Db, key: string) {
  const row = await topupByIdOrRef(db, key);
  return row ? toView(row) : null;
}

export { queuedByIdOrRef };
