import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundDeliveries, refundDeliveryAttempts } from '../../db/schema';
import { createTestDb, type TestDb } from '../../test/db';
import { deliverOnce, type FetchLike, redactSecrets } from './webhook';

// REFUND_WEBHOOK_URL may carry basic-auth credentials (https://user:pass@host/...). Errors are
// stored and shown to finance on the order page: the password must never be among them.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

let orders = 0;
async function refundWithDelivery() {
  const n = ++orders;
  const { rows: topup } = await t.pool.query(
    `insert into topups (topup_id, ref, status, plan_code, operator, msisdn, topup_amount, upstream_created_at, source)
     values ($1, $2, 'REFUNDED', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest') returning id`,
    [`hook-${n}`, `hook-ref-${n}`],
  );
  const { rows: refund } = await t.pool.query(
    `insert into refunds (topup_pk, amount, created_via) values ($1, 500, 'token:shop') returning id`,
    [topup[0].id],
  );
  const refundId = String(refund[0].id);
  await t.pool.query(`insert into refund_deliveries (refund_id, state) values ($1, 'pending')`, [
    refundId,
  ]);
  return refundId;
}

async function storedErrors(refundId: string) {
  const attempts = await t.db
    .select({ error: refundDeliveryAttempts.error })
    .from(refundDeliveryAttempts)
    .where(eq(refundDeliveryAttempts.refundId, refundId));
  const [delivery] = await t.db
    .select({ lastError: refundDeliveries.lastError })
    .from(refundDeliveries)
    .where(eq(refundDeliveries.refundId, refundId));
  return [...attempts.map((a) => a.error), delivery?.lastError].join('\n');
}

const url = 'https://flexy:s3cr%23t-pass@hooks.shop.test:8443/refunds?key=abc';
const config = { url, secret: 'signing-secret-123', timeoutMs: 1000 };

describe('webhook delivery errors', () => {
  it('never store the credentials of REFUND_WEBHOOK_URL (Node refuses such a URL and quotes it)', async () => {
    const refundId = await refundWithDelivery();
    expect(await deliverOnce({ db: t.db, config, now: () => new Date() }, refundId, 'test')).toBe(
      'failed',
    );
    const errors = await storedErrors(refundId);
    expect(errors).toContain('hooks.shop.test');
    expect(errors).not.toContain('s3cr');
    expect(errors).not.toContain('flexy:');
  });

  it('never store them when a network error quotes the URL, encoded or not', async () => {
    const refundId = await refundWithDelivery();
    const failing: FetchLike = async (input) => {
      throw new Error(`connect ECONNREFUSED for ${input} (password s3cr#t-pass, user flexy)`);
    };
    await deliverOnce(
      { db: t.db, config, now: () => new Date(), fetch: failing },
      refundId,
      'test',
    );
    const errors = await storedErrors(refundId);
    expect(errors).toContain('ECONNREFUSED');
    expect(errors).not.toContain('s3cr');
  });

  it('leave errors without credentials as they were', () => {
    expect(redactSecrets('HTTP 503', 'https://hooks.shop.test/refunds')).toBe('HTTP 503');
    expect(redactSecrets('fetch to ftp://a:b@x/ failed', 'https://hooks.shop.test/')).toBe(
      'fetch to ftp://[redacted]@x/ failed',
    );
  });
});
