import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopupStatus } from '../../db/enums';
import { auditLog, refunds, topupEvents } from '../../db/schema';
import { startUpstream } from '../../test/api-support';
import { createTestDb, type TestDb } from '../../test/db';
import { topupSchema } from '../oneclick/schemas';
import { checkNow } from '../sync/check-now';
import { observe } from '../sync/observe';
import { createUser } from '../users/service';
import { type RefundActor, type RefundDeps, requestRefund } from './service';

// A refund attempt asks OneClick live, like "Check now": it shares Check now's limit of one live
// check per order per 10 s, and leaves the timeline alone unless the answer changed something.

let t: TestDb;
let up: Awaited<ReturnType<typeof startUpstream>>;
let finance: RefundActor;
let clock = Date.now();

beforeAll(async () => {
  t = await createTestDb();
  up = await startUpstream();
  const user = await t.db.transaction((tx) =>
    createUser(tx, {
      email: 'amina@shop.dz',
      name: 'Amina',
      role: 'finance',
      password: 'a-long-password',
    }),
  );
  finance = { userId: user.id, label: user.email, role: 'finance', viaToken: false };
});
afterAll(async () => {
  await up.sandbox.close();
  await t.close();
});

const now = () => new Date(clock);
const deps = (): RefundDeps => ({
  db: t.db,
  client: up.client,
  now,
  threshold: '5000',
  webhookConfigured: false,
  formatTime: (d) => d.toISOString(),
});

async function order(status: TopupStatus, msisdn: string) {
  const view = up.sandbox.controls.createTopup({
    msisdn,
    planCode: 'PREPAID_DJEZZY',
    amount: 500,
    timeline: [{ status, atMs: 0 }],
  });
  const { topupPk } = await observe(t.db, {
    topup: topupSchema.parse(JSON.parse(JSON.stringify(view))),
    source: 'ingest',
    actor: { name: 'test' },
    now: now(),
  });
  return { topupPk, topupId: view._id };
}

const checkIdCalls = (topupId: string) =>
  up.sandbox.controls.calls().filter((c) => c.path.endsWith(`/mobile/check-id/${topupId}`)).length;
const checkedEvents = async (topupPk: number) =>
  (
    await t.db
      .select({ n: count() })
      .from(topupEvents)
      .where(and(eq(topupEvents.topupPk, topupPk), eq(topupEvents.kind, 'checked')))
  )[0]?.n;

describe('refund attempts ask OneClick at most once per order per 10 s', () => {
  it('20 refused attempts on a FULFILLED order in a row: one check-id, no "checked" event, every attempt audited', async () => {
    const { topupPk, topupId } = await order('FULFILLED', '0600000201');
    const outcomes = [];
    for (let i = 0; i < 20; i++) outcomes.push(await requestRefund(deps(), topupPk, finance));
    expect(checkIdCalls(topupId)).toBe(1);
    expect(await checkedEvents(topupPk)).toBe(0);
    expect(outcomes[0]).toMatchObject({
      kind: 'refused',
      refusal: { reason: 'refund.refusedFulfilled' },
    });
    for (const o of outcomes.slice(1))
      expect(o).toMatchObject({
        kind: 'refused',
        refusal: { reason: 'refund.checkTooSoon', params: { wait: 10 } },
      });
    const denied = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, String(topupPk)), eq(auditLog.outcome, 'denied')));
    expect(denied[0]?.n).toBe(20);
  });

  it('a refund right after Check now is told when to try again, then goes through on a new live check', async () => {
    const { topupPk, topupId } = await order('REFUNDED', '0600000202');
    await checkNow({ db: t.db, client: up.client, now }, topupPk, { name: 'support' });
    clock += 3_000;
    expect(await requestRefund(deps(), topupPk, finance)).toMatchObject({
      kind: 'refused',
      refusal: { reason: 'refund.checkTooSoon', params: { seconds: 3, wait: 7 } },
    });
    expect(checkIdCalls(topupId)).toBe(1);
    // The refused attempt did not move the window: 10 s after Check now, the refund is live.
    clock += 7_001;
    expect(await requestRefund(deps(), topupPk, finance)).toMatchObject({ kind: 'recorded' });
    expect(checkIdCalls(topupId)).toBe(2);
    expect(await t.db.select().from(refunds).where(eq(refunds.topupPk, topupPk))).toHaveLength(1);
    expect(await checkedEvents(topupPk)).toBe(1); // Check now's own, none from the refund
  });

  it('Check now right after a refund attempt waits for the same slot', async () => {
    const { topupPk, topupId } = await order('FULFILLED', '0600000203');
    await requestRefund(deps(), topupPk, finance);
    clock += 2_000;
    expect(
      await checkNow({ db: t.db, client: up.client, now }, topupPk, { name: 'support' }),
    ).toMatchObject({ reason: 'order.checkTooSoon' });
    expect(checkIdCalls(topupId)).toBe(1);
  });
});
