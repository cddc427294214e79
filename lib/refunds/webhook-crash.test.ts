import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundDeliveries } from '../../db/schema';
import { startUpstream } from '../../test/api-support';
import { createTestDb, type TestDb } from '../../test/db';
import { until } from '../../test/until';
import { topupSchema } from '../oneclick/schemas';
import { observe } from '../sync/observe';
import { requestRefund } from './service';
import { drainDeliveries } from './webhook';

// A real `npm run worker` process sending a refund webhook, killed with SIGKILL mid-send.

let t: TestDb;
let up: Awaited<ReturnType<typeof startUpstream>>;
let child: ChildProcess | undefined;
const seen: string[] = [];
let hang = true;
let receiver: http.Server;
let url = '';
const root = path.resolve(import.meta.dirname, '../..');

beforeAll(async () => {
  t = await createTestDb();
  up = await startUpstream();
  receiver = http.createServer((req, res) => {
    seen.push(String(req.headers['idempotency-key']));
    // The first delivery never gets its answer: the worker dies waiting for it.
    if (hang) return;
    res.writeHead(200).end('ok');
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/refunds`;
});
afterAll(async () => {
  child?.kill('SIGKILL');
  receiver.closeAllConnections();
  receiver.close();
  await up.sandbox.close();
  await t.close();
});

describe('a worker killed between the refund commit and the webhook delivery', () => {
  it('delivers after the restart, and the receiver sees one delivery id', {
    timeout: 60_000,
  }, async () => {
    const view = up.sandbox.controls.createTopup({
      msisdn: '0600000001',
      planCode: 'PREPAID_MOBILIS',
      amount: 300,
      timeline: [{ status: 'REFUNDED', atMs: 0 }],
    });
    const { topupPk } = await observe(t.db, {
      topup: topupSchema.parse(JSON.parse(JSON.stringify(view))),
      source: 'ingest',
      actor: { name: 'test' },
      now: new Date(),
    });
    const outcome = await requestRefund(
      {
        db: t.db,
        client: up.client,
        now: () => new Date(),
        threshold: '5000',
        webhookConfigured: true,
        formatTime: (d) => d.toISOString(),
      },
      topupPk,
      { userId: null, label: 'token:shop', role: null, viaToken: true },
    );
    if (outcome.kind !== 'recorded') throw new Error(`expected a refund, got ${outcome.kind}`);

    child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: t.url,
          ONECLICK_API_KEY: up.sandbox.apiKey,
          ONECLICK_BASE_URL: up.sandbox.url,
          REFUND_WEBHOOK_URL: url,
          REFUND_WEBHOOK_SECRET: 'a-secret-of-enough-length',
          LOG_LEVEL: 'error',
        },
        stdio: 'ignore',
      },
    );
    await until('the worker to start sending the webhook', () => seen.length > 0);
    expect(seen).toEqual([outcome.refund.id]);
    child.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));
    const [pending] = await t.db
      .select({ state: refundDeliveries.state })
      .from(refundDeliveries)
      .where(eq(refundDeliveries.refundId, outcome.refund.id));
    expect(pending?.state).toBe('pending');

    // Restarted, once the dead worker's lease has run out.
    hang = false;
    await drainDeliveries({
      db: t.db,
      config: { url, secret: 'a-secret-of-enough-length' },
      now: () => new Date(Date.now() + 61_000),
      workerId: 'restarted',
    });
    const [done] = await t.db
      .select({ state: refundDeliveries.state })
      .from(refundDeliveries)
      .where(eq(refundDeliveries.refundId, outcome.refund.id));
    expect(done?.state).toBe('delivered');
    expect(new Set(seen)).toEqual(new Set([outcome.refund.id]));
  });
});
