import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { topups } from '../schema';

/** What support needs at a glance about one order. */
export async function getOrderSummary(db: Db, id: number) {
  const [row] = await db
    .select({
      id: topups.id,
      topupId: topups.topupId,
      ref: topups.ref,
      status: topups.status,
      msisdn: topups.msisdn,
      operator: topups.operator,
      planCode: topups.planCode,
      topupAmount: topups.topupAmount,
      refundMessage: topups.refundMessage,
      upstreamCreatedAt: topups.upstreamCreatedAt,
      statusChangedAt: topups.statusChangedAt,
      nextCheckAt: topups.nextCheckAt,
    })
    .from(topups)
    .where(eq(topups.id, id));
  return row ?? null;
}

export type OrderSummary = NonNullable<Awaited<ReturnType<typeof getOrderSummary>>>;
