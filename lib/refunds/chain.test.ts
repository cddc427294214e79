import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refunds, topups } from '../../db/schema';
import { issueToken } from '../../test/api-support';
import { createTestDb, type TestDb } from '../../test/db';
import { handleRefund } from '../api/refund';
import { createOneClickClient } from '../oneclick/client';
import { topupSchema } from '../oneclick/schemas';
import { type Sandbox, startSandbox } from '../sandbox';
import { createManualClock } from '../sandbox/clock';
import { observe } from '../sync/observe';
import { createUser } from '../users/service';
import { decideRefund, type RefundActor, type RefundDeps, requestRefund } from './service';

// OneClick may retry a REFUNDED top-up (retry_orderid) or redirect it (follow_orderid). The
// customer paid once: a linked order that was FULFILLED served them, and a chain is refunded
// once, whichever of its orders the refund is asked for.

let t: TestDb;
let sandbox: Sandbox;
const clock = createManualClock(Date.UTC(2026, 10, 20, 9, 0, 0));
let client: ReturnType<typeof createOneClickClient>;
let maker: RefundActor;
let checker: RefundActor;

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await startSandbox({ port: 0, clock });
  client = createOneClickClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, maxRetries: 0 });
  const staff = async (email: string) => {
    const user = await t.db.transaction((tx) =>
      createUser(tx, { email, name: email, role: 'finance', password: 'a-long-password' }),
    );
    return { userId: user.id, label: email, role: 'finance' as const, viaToken: false };
  };
  maker = await staff('maker@shop.dz');
  checker = await staff('checker@shop.dz');
});
afterAll(async () => {
  await sandbox.close();
  await t.close();
});

const deps = (): RefundDeps => ({
  db: t.db,
  client,
  now: () => new Date(clock.now()),
  threshold: '5000',
  webhookConfigured: false,
  formatTime: (d) => d.toISOString(),
});

/** The shop sells a top-up to a test number and registers it; OneClick then runs its course. */
async function sold(msisdn: string) {
  const view = sandbox.controls.createTopup({ msisdn, planCode: 'PREPAID_MOBILIS', amount: 500 });
  const topup = topupSchema.parse(JSON.parse(JSON.stringify(view)));
  const { topupPk } = await observe(t.db, {
    topup,
    source: 'ingest',
    actor: { name: 'shop' },
    now: new Date(clock.now()),
  });
  clock.advance(60_000); // the original is REFUNDED at 15 s, its linked order final at 30 s
  const retryId =
    sandbox.controls.get(view._id)?.retry_orderid ?? sandbox.controls.get(view._id)?.follow_orderid;
  if (!retryId) throw new Error(`no linked order for ${msisdn}`);
  return { topupPk, topupId: view._id, ref: view.ref, linkedId: retryId };
}

const refundRows = (pks: number[]) =>
  t.db.select({ id: refunds.id }).from(refunds).where(inArray(refunds.topupPk, pks));

describe('a REFUNDED top-up that OneClick retried', () => {
  it('is not refunded when the retry was FULFILLED, and the refusal names the retry', async () => {
    const order = await sold('0600000004');
    const outcome = await requestRefund(deps(), order.topupPk, maker);
    expect(outcome).toMatchObject({
      kind: 'refused',
      refusal: { reason: 'refund.refusedLinkedServed', params: { id: order.linkedId } },
    });
    // The retry is now held, linked both ways, and the original is no longer "refund due".
    const [original] = await t.db
      .select({ chainState: topups.chainState })
      .from(topups)
      .where(eq(topups.id, order.topupPk));
    expect(original?.chainState).toBe('served');
    const [retry] = await t.db
      .select({ parentPk: topups.parentPk, linkKind: topups.linkKind, status: topups.status })
      .from(topups)
      .where(eq(topups.topupId, order.linkedId));
    expect(retry).toEqual({ parentPk: order.topupPk, linkKind: 'retry', status: 'FULFILLED' });
    expect(await refundRows([order.topupPk])).toEqual([]);
  });

  it('answers the shop’s API with 422 naming the retry', async () => {
    const order = await sold('0600000004');
    const token = await issueToken(t.db, 'shop');
    const response = await handleRefund(
      new Request(`http://desk/api/v1/topups/${order.ref}/refund`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.token}` },
      }),
      order.ref,
      deps(),
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('not_refundable');
    expect(body.message).toContain(order.linkedId);
  });

  it('is not refunded while a redirected (follow-up) order was FULFILLED either', async () => {
    const order = await sold('0600000006');
    const outcome = await requestRefund(deps(), order.topupPk, maker);
    expect(outcome).toMatchObject({
      kind: 'refused',
      refusal: { reason: 'refund.refusedLinkedServed', params: { id: order.linkedId } },
    });
  });

  it('with the retry REFUNDED too, allows exactly one refund for the chain, asked on either order', async () => {
    const order = await sold('0600000005');
    // The retry reaches the desk first through the list, as OneClick's own order would.
    const retryView = topupSchema.parse(
      JSON.parse(JSON.stringify(sandbox.controls.get(order.linkedId))),
    );
    const { topupPk: retryPk } = await observe(t.db, {
      topup: retryView,
      source: 'list-sync',
      actor: { name: 'worker' },
      now: new Date(clock.now()),
    });
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        requestRefund(deps(), i % 2 ? retryPk : order.topupPk, maker),
      ),
    );
    // A retried chain is unusual: a second finance user approves.
    expect(attempts.filter((a) => a.kind === 'awaiting_approval')).toHaveLength(1);
    expect(attempts.filter((a) => a.kind === 'already')).toHaveLength(19);
    const decided = await decideRefund(deps(), retryPk, checker, 'approve', null);
    expect(decided.kind).toBe('recorded');
    const rows = await refundRows([order.topupPk, retryPk]);
    expect(rows).toHaveLength(1);
    // Recorded on the original, the order the customer paid for.
    expect(await refundRows([order.topupPk])).toHaveLength(1);
    const again = await requestRefund(deps(), retryPk, maker);
    expect(again.kind).toBe('already');
  });
});
