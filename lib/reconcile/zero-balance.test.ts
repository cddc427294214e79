import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOneClickClient } from '@/lib/oneclick/client';
import { createManualClock, type Sandbox, startSandbox } from '@/lib/sandbox';
import { createEngine } from '@/lib/sync/engine';
import { backfillStep } from '@/lib/sync/list-sync';
import { createTestDb, type TestDb } from '@/test/db';
import { parseRange } from './days';
import { loadReconciliation } from './load';

// The docs' list example shows `balance_amount: 0` on REFUNDED items while check-id keeps 490.
// A day on which OneClick shows every refunded top-up that way must reconcile cleanly: the 0
// is not a charge, and the ledger says what was charged and credited.

const DAY_START = Date.UTC(2026, 2, 12, 7, 0, 0); // 08:00 in Algiers, 12 March
let t: TestDb;
let sandbox: Sandbox;
const clock = createManualClock(DAY_START);
let client: ReturnType<typeof createOneClickClient>;

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await startSandbox({ port: 0, clock, seed: 7 });
  client = createOneClickClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    maxRetries: 0,
    now: clock.now,
  });
});
afterAll(async () => {
  await sandbox.close();
  await t.close();
});

describe('reconciling a day where every REFUNDED item shows balance_amount: 0', () => {
  it('finds no mismatch, no unmatched credit and no refunded order without its credit', async () => {
    const place = (msisdn: string, amount: number) =>
      sandbox.controls.createTopup({ msisdn, planCode: 'PREPAID_DJEZZY', amount });
    // Seen by the desk while in flight (charge 490 known), then refunded upstream.
    const seenEarly = [place('0600000002', 500), place('0600000002', 700)];
    const engine = createEngine({ db: t.db, client, now: clock.now, workerId: 'w' });
    const early = await client.list({ pageSize: 100 });
    await engine.observePage(early.data, early.requestId, null, 'list-poll');
    // Only ever seen already REFUNDED, with 0: their charge is unknown to us.
    clock.advance(3_600_000);
    const seenLate = [place('0600000002', 300), place('0600000002', 1_000)];
    const delivered = [place('0778037340', 500), place('0661234567', 200)];
    clock.advance(3_600_000);
    const now = new Date(clock.now());
    for (const v of [...seenEarly, ...seenLate, ...delivered])
      expect(sandbox.controls.get(v._id)?.status).not.toBe('PENDING');
    expect(sandbox.controls.get(seenLate[0]?._id ?? '')?.balance_amount).toBe(0);
    const sync = { db: t.db, client, engine, now: clock.now, workerId: 'w' };
    for (let i = 0; i < 3; i++) await backfillStep(sync);

    const day = '2026-03-12';
    const result = await loadReconciliation(
      t.db,
      parseRange({ from: day, to: day }, now),
      now,
      () => client,
    );
    if (!result.ledger.ok) throw new Error(`ledger unavailable: ${result.ledger.reason}`);
    const { credits, debits } = result.ledger;
    expect(credits.count).toBe(4);
    expect(credits.matched).toHaveLength(4);
    expect(credits.mismatched).toEqual([]);
    expect(credits.unmatched).toEqual([]);
    expect(credits.refundedWithoutCredit).toEqual([]);
    expect(debits.count).toBe(6);
    expect(debits.mismatched).toEqual([]);
    expect(debits.notOurs).toEqual([]);
    expect(debits.oursWithoutDebit).toEqual([]);
  });
});
