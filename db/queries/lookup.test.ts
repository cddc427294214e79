import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, recordingDb, type TestDb } from '../../test/db';
import { topupByIdOrRef, topupByTopupId } from './lookup';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  // `orig` and its retry `retry` share a ref; `other`'s ref is `orig`'s upstream id.
  await t.pool.query(`
    insert into topups (topup_id, ref, status, plan_code, operator, msisdn, topup_amount, upstream_created_at, source)
    values ('orig', 'shop-1', 'FULFILLED', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest'),
           ('retry', 'shop-1', 'PENDING', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest'),
           ('other', 'orig', 'PENDING', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest')`);
  await t.pool.query(
    `update topups set parent_pk = (select id from topups where topup_id = 'orig') where topup_id = 'retry'`,
  );
});
afterAll(() => t.close());

describe("the shop API's prepared lookups", () => {
  it('find an order by id or ref: an id match first, then the original over its retries', async () => {
    expect((await topupByIdOrRef(t.db, 'orig'))?.topupId).toBe('orig');
    expect((await topupByIdOrRef(t.db, 'shop-1'))?.topupId).toBe('orig');
    expect((await topupByIdOrRef(t.db, 'retry'))?.topupId).toBe('retry');
    expect(await topupByIdOrRef(t.db, 'nothing')).toBeNull();
    expect((await topupByTopupId(t.db, 'other'))?.ref).toBe('orig');
  });

  it('serve the pool, another handle on the same connections and a transaction alike', async () => {
    const { db: other, statements } = recordingDb(t.pool);
    const reads = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 2 ? topupByIdOrRef(other, 'shop-1') : topupByIdOrRef(t.db, 'shop-1'),
      ),
    );
    expect(new Set(reads.map((r) => r?.topupId))).toEqual(new Set(['orig']));
    expect(statements).toHaveLength(15);
    const inTx = await t.db.transaction(async (tx) => [
      await topupByTopupId(tx, 'retry'),
      await topupByTopupId(tx, 'orig'),
    ]);
    expect(inTx.map((r) => r?.topupId)).toEqual(['retry', 'orig']);
  });
});
