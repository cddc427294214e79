import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { topupCounts } from '../schema';

// The exact per-bucket order counts kept by triggers (topup_counts): one row read, however many
// orders there are. Buckets are the statuses and 'refund_due'.

export async function bucketCount(db: Db, bucket: string): Promise<number> {
  const [row] = await db
    .select({ n: topupCounts.n })
    .from(topupCounts)
    .where(eq(topupCounts.bucket, bucket));
  return Number(row?.n ?? 0);
}

export async function allBucketCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ bucket: topupCounts.bucket, n: topupCounts.n }).from(topupCounts);
  return new Map(rows.map((r) => [r.bucket, Number(r.n)]));
}
