import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { topups } from '../db/schema';
import { createOneClickClient } from '../lib/oneclick/client';
import { topupSchema } from '../lib/oneclick/schemas';
import type { ResendActor, ResendDeps } from '../lib/resends/service';
import { FACTURE_OFFER, type Sandbox, startSandbox } from '../lib/sandbox';
import { createManualClock } from '../lib/sandbox/clock';
import { observe } from '../lib/sync/observe';
import { createUser } from '../lib/users/service';
import { createTestDb, type TestDb } from './db';

// What the re-send tests share (lib/resends/*.test.ts): a test database, the emulator over HTTP
// on a clock the test turns, finance and support users, and a refunded top-up with offers.
// Each test file calls setupResends() once; the bindings below are live.

export let t: TestDb;
export let sandbox: Sandbox;
export const clock = createManualClock(Date.UTC(2026, 10, 20, 9, 0, 0));
export let client: ReturnType<typeof createOneClickClient>;
export let maker: ResendActor;
export let checker: ResendActor;
export let support: ResendActor;

export function setupResends() {
  beforeAll(async () => {
    t = await createTestDb();
    sandbox = await startSandbox({ port: 0, clock });
    client = createOneClickClient({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      maxRetries: 0,
      sendResolveDelayMs: 0,
      sleep: async () => {},
    });
    const staff = async (email: string, role: 'finance' | 'support') => {
      const user = await t.db.transaction((tx) =>
        createUser(tx, { email, name: email, role, password: 'a-long-password' }),
      );
      return { userId: user.id, label: email, role, viaToken: false };
    };
    maker = await staff('maker@shop.dz', 'finance');
    checker = await staff('checker@shop.dz', 'finance');
    support = await staff('agent@shop.dz', 'support');
  });
  afterAll(async () => {
    await sandbox.close();
    await t.close();
  });
}

export const deps = (over: Partial<ResendDeps> = {}): ResendDeps => ({
  db: t.db,
  client,
  now: () => new Date(clock.now()),
  threshold: '5000',
  formatTime: (d) => d.toISOString(),
  lockWaitMs: 30_000,
  webhookConfigured: true,
  ...over,
});

export const FACTURE = { planCode: FACTURE_OFFER.plan_code, amount: '500' };
export type ApiBody = {
  error?: string;
  message?: string;
  status?: string;
  resend?: { createdAt: string };
};

/** The shop sold a top-up that OneClick refunded (15 s later) with suggested offers. */
export async function refundedWithOffers(
  msisdn = '0600000002',
  offers = [FACTURE_OFFER],
  planCode = 'PREPAID_DJEZZY',
) {
  const view = sandbox.controls.createTopup({
    msisdn,
    planCode,
    amount: 500,
    suggestedOffers: offers,
  });
  clock.advance(20_000);
  const topup = topupSchema.parse(JSON.parse(JSON.stringify(sandbox.controls.get(view._id))));
  const { topupPk } = await observe(t.db, {
    topup,
    source: 'ingest',
    actor: { name: 'shop' },
    now: new Date(clock.now()),
  });
  clock.advance(11_000); // past the live-check spacing of the observation above
  return { topupPk, topupId: view._id };
}

export const sends = (ref: string) =>
  sandbox.controls.calls().filter((c) => c.path.endsWith('/mobile/send') && c.ref === ref);

export const original = async (pk: number) =>
  (
    await t.db
      .select({
        chainState: topups.chainState,
        resendOrderId: topups.resendOrderId,
        status: topups.status,
      })
      .from(topups)
      .where(eq(topups.id, pk))
  )[0];
