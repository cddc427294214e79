import { describe, expect, it } from 'vitest';
import { ingestQueue } from '../../db/schema';
import {
  client,
  clock,
  look,
  now,
  OPENED_THEN_RESOLVED,
  only,
  place,
  received,
  runSync,
  sandbox,
  settle,
  setupAlerts,
  shop,
  shopHookUrl,
  t,
  told,
} from '../../test/alerts';
import { createOneClickClient } from '../oneclick/client';
import { requestRefund } from '../refunds/service';
import { drainDeliveries } from '../refunds/webhook';
import { createCredentialsGate, keyFingerprint } from '../sync/credentials';
import { drainIngestQueue } from '../sync/ingest-queue';
import { createUser } from '../users/service';

// Each condition driven through the emulator as it happens in life, watched by the desk's own
// sync, evaluated and told over a real SMTP server, a real webhook receiver and the bell: one
// "opened" and one "resolved" message per channel, whatever the number of looks in between.
// The tests run in order on one simulated clock (the later ones move it by a day).

setupAlerts();

const MINUTE = 60_000;

async function financeActor() {
  const user = await t.db.transaction((tx) =>
    createUser(tx, {
      email: `clerk-${Math.random().toString(36).slice(2)}@shop.dz`,
      name: 'Clerk',
      role: 'finance',
      password: 'a-long-password',
    }),
  );
  return { userId: user.id, label: user.email, role: 'finance' as const, viaToken: false };
}

const refundDeps = () => ({
  db: t.db,
  client,
  now,
  threshold: '100000',
  webhookConfigured: true,
  formatTime: (d: Date) => d.toISOString(),
});

describe('alert conditions, each opened once and resolved once on every channel', () => {
  it('balance runway: traffic drains the float, then a deposit restores it', async () => {
    await only('runway');
    // 20 top-ups of 4,500 DZD in a few minutes: 90,000 of 100,000 spent.
    for (let i = 0; i < 20; i++) await place({ amount: 4_500, msisdn: `07780373${10 + i}` });
    await runSync(30_000);
    await look();
    await runSync(30_000);
    await look(); // still holds: no second "opened"
    sandbox.controls.deposit(900_000);
    await runSync(10_000);
    await settle();
    expect(await told('runway')).toEqual(OPENED_THEN_RESOLVED);
  });

  it('operator failures: a refund burst on Mobilis, against a quiet week', async () => {
    await only('operator_failures');
    for (let i = 0; i < 25; i++)
      await place({ msisdn: '0600000001', planCode: 'PREPAID_MOBILIS', amount: 100 });
    for (let i = 0; i < 25; i++) await place({ amount: 100 });
    await runSync(30_000);
    const first = await look();
    expect(first?.opened).toEqual(['operator_failures:Mobilis']);
    // The window moves past the burst.
    await runSync(16 * MINUTE, MINUTE);
    await settle();
    expect(await told('operator_failures:Mobilis')).toEqual(OPENED_THEN_RESOLVED);
    expect(await told('operator_failures:Djezzy')).toEqual({
      bell: [],
      manager: [],
      finance: [],
      webhook: [],
    });
  });

  it('sync stalled: OneClick answers 500 to everything with orders in flight', async () => {
    await only('sync_stalled');
    sandbox.controls.setFaults({ rate: 1, kinds: ['500'] });
    await place({ amount: 100 });
    await runSync(MINUTE);
    expect((await look())?.opened).toEqual([]); // a minute is not a stall
    await runSync(2 * MINUTE);
    await look();
    sandbox.controls.clearFaults();
    await runSync(30_000);
    await settle();
    expect(await told('sync_stalled')).toEqual(OPENED_THEN_RESOLVED);
  });

  it('key refused: OneClick refuses the configured key; the right key clears it', async () => {
    await only('credentials');
    const bad = 'a-key-oneclick-does-not-know';
    const gate = createCredentialsGate({ db: t.db, apiKey: bad, holder: 'test', now: clock.now });
    const badClient = createOneClickClient({
      apiKey: bad,
      baseUrl: sandbox.url,
      maxRetries: 0,
      sleep: async () => {},
      gate,
    });
    await expect(badClient.balance()).rejects.toThrow();
    await expect(badClient.balance()).rejects.toThrow();
    await look({ keyFingerprint: keyFingerprint(bad) });
    await look({ keyFingerprint: keyFingerprint(bad) });
    // The operator puts the right key in the configuration and restarts.
    await settle({ keyFingerprint: keyFingerprint(sandbox.apiKey) });
    expect(await told('credentials')).toEqual(OPENED_THEN_RESOLVED);
    sandbox.controls.resetAuth();
  });

  it('refund webhook failing: the shop’s system answers 500 for over 30 minutes', async () => {
    await only('webhook_failing');
    const { topupPk } = await place({ msisdn: '0600000001', amount: 700 });
    await runSync(30_000);
    const outcome = await requestRefund(refundDeps(), topupPk, await financeActor());
    expect(outcome).toMatchObject({ kind: 'recorded' });
    shop.status = 500;
    const config = { url: shopHookUrl, secret: 'a-shop-webhook-secret' };
    const deliver = () => drainDeliveries({ db: t.db, config, now, workerId: 'w' });
    for (let m = 0; m < 35; m += 5) {
      await deliver();
      await runSync(5 * MINUTE, MINUTE);
      await look();
    }
    shop.status = 200;
    for (let m = 0; m < 120 && (await deliver()).delivered === 0; m += 5)
      await runSync(5 * MINUTE, MINUTE);
    await settle();
    expect(shop.bodies.length).toBeGreaterThan(1);
    expect(await told('webhook_failing')).toEqual(OPENED_THEN_RESOLVED);
  });

  it('UNKNOWN_ERROR backlog: an order OneClick has not settled after 24 hours', async () => {
    await only('unknown_backlog');
    const { topupId } = await place({ msisdn: '0600000003', amount: 300 });
    await runSync(30_000);
    await look(); // in UNKNOWN_ERROR, but for seconds
    clock.advance(24 * 60 * MINUTE);
    await runSync(10_000);
    await look();
    sandbox.controls.resolveUnknown(topupId, 'FULFILLED');
    // Past 24 h the desk re-checks such an order daily (lib/sync/schedule.ts).
    clock.advance(24 * 60 * MINUTE);
    await runSync(30_000);
    await settle();
    expect(await told('unknown_backlog')).toEqual(OPENED_THEN_RESOLVED);
  });

  it('reconciliation: yesterday has an order OneClick refunded and nobody refunded', async () => {
    await only('reconciliation');
    const { topupPk } = await place({ msisdn: '0600000001', amount: 900 });
    await runSync(30_000);
    await look(); // refunded today: not yet a reconciliation finding
    clock.advance(24 * 60 * MINUTE);
    await runSync(10_000);
    const opened = await look();
    expect(opened?.opened).toEqual(['reconciliation']);
    // Finance refunds the customer: yesterday reconciles.
    const outcome = await requestRefund(refundDeps(), topupPk, await financeActor());
    expect(outcome).toMatchObject({ kind: 'recorded' });
    await settle();
    expect(await told('reconciliation')).toEqual(OPENED_THEN_RESOLVED);
  });

  it('ingest waiting: a registration OneClick cannot confirm for over an hour', async () => {
    await only('ingest_waiting');
    const view = sandbox.controls.createTopup({
      msisdn: '0778037340',
      planCode: 'PREPAID_DJEZZY',
      amount: 200,
      createdAt: clock.now(),
    });
    await t.db
      .insert(ingestQueue)
      .values({ topupId: view._id, receivedAt: now(), nextAttemptAt: now() });
    sandbox.controls.setFaults({ rate: 1, kinds: ['503'], paths: ['/mobile/check-id'] });
    const drain = () =>
      drainIngestQueue({ db: t.db, client, now: now(), workerId: 'w', limit: 25 });
    for (let m = 0; m < 70; m += 10) {
      await drain();
      clock.advance(10 * MINUTE);
      await look();
    }
    sandbox.controls.clearFaults();
    for (let m = 0; m < 120 && (await t.db.select().from(ingestQueue)).length > 0; m += 5) {
      await drain();
      clock.advance(5 * MINUTE);
    }
    await settle();
    expect(await told('ingest_waiting')).toEqual(OPENED_THEN_RESOLVED);
  });
});

describe('what the messages say', () => {
  it('emails each person in their language, with an HTML part, and signs the webhook', async () => {
    const opened = received.filter((r) => r.key === 'reconciliation' && r.event === 'alert.opened');
    const manager = opened.find((r) => r.to === 'manager@shop.dz');
    const finance = opened.find((r) => r.to === 'finance@shop.dz');
    const hook = opened.find((r) => r.channel === 'webhook');
    expect(manager?.subject).toContain('الأمس');
    expect(finance?.subject).toContain('hier');
    expect(hook?.subject).toContain('Yesterday’s refunds do not reconcile');
    expect(finance?.headers.html).toMatch(/<html lang="fr" dir="ltr">/);
    expect(manager?.headers.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(finance?.body).toContain('https://desk.example.dz/alerts?focus=');
    expect(hook?.headers.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });
});
