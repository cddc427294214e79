import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { ALERT_CONDITIONS, type AlertCondition } from '../db/enums';
import { saveChannelSettings, saveConditionSettings } from '../db/queries/alerts';
import { alertEvents, alerts } from '../db/schema';
import { evaluateAlerts, RESOLVE_AFTER_MS } from '../lib/alerts/evaluate';
import { drainNotices, type Mailer, smtpMailer } from '../lib/alerts/send';
import { createOneClickClient } from '../lib/oneclick/client';
import { topupSchema } from '../lib/oneclick/schemas';
import { refreshRollups } from '../lib/reports/rollup';
import { type CreateTopupInput, type Sandbox, startSandbox } from '../lib/sandbox';
import { createManualClock } from '../lib/sandbox/clock';
import { keyFingerprint } from '../lib/sync/credentials';
import { createEngine } from '../lib/sync/engine';
import { createCallMetrics } from '../lib/sync/metrics';
import { observe } from '../lib/sync/observe';
import { pingUpstream } from '../lib/sync/probe';
import { createUser } from '../lib/users/service';
import { createTestDb, type TestDb } from './db';
import { until } from './until';

// What the alert tests share: a test database; the emulator over HTTP on a clock the test
// turns, with the desk's own sync (engine, probe, call metrics) against it; a real SMTP server
// in this process that parses every message it receives; a webhook receiver for the alert
// channel and another playing the shop's system for refund notices. Each file calls
// setupAlerts() once; the bindings below are live.

export type Received = {
  channel: 'email' | 'webhook';
  to: string;
  event: string;
  key: string | null;
  subject: string;
  body: string;
  headers: Record<string, string>;
};

export let t: TestDb;
export let sandbox: Sandbox;
/** Tuesday 24 Nov 2026, 10:00 in Algiers. */
export const START = Date.UTC(2026, 10, 24, 9, 0, 0);
export const clock = createManualClock(START);
export const received: Received[] = [];
export let mailer: Mailer;
export let alertHookUrl: string;
export let shopHookUrl: string;
/** What the shop's system answers to refund notices. */
export const shop = { status: 200, bodies: [] as unknown[] };
const metrics = createCallMetrics();
export let client: ReturnType<typeof createOneClickClient>;
let engine: ReturnType<typeof createEngine>;
export const DESK = 'https://desk.example.dz';
export const now = () => new Date(clock.now());

let smtp: SMTPServer;
const servers: Server[] = [];

function listen(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler);
  servers.push(server);
  return new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`),
    ),
  );
}

const readBody = (req: import('node:http').IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => resolve(body));
  });

export function setupAlerts() {
  beforeAll(async () => {
    t = await createTestDb();
    sandbox = await startSandbox({
      port: 0,
      clock,
      balance: 100_000,
      seed: 7,
      // OneClick's staff settle these by hand here (controls.resolveUnknown), as in life.
      unknownErrorResolution: { afterMs: 30 * 24 * 3_600_000, outcome: 'FULFILLED' },
    });
    client = createOneClickClient({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      maxRetries: 0,
      sendResolveDelayMs: 0,
      sleep: async () => {},
      now: clock.now,
      onCall: (info) => metrics.record(info, now()),
    });
    engine = createEngine({ db: t.db, client, now: clock.now, workerId: 'alerts-test' });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, done) {
        simpleParser(stream)
          .then((mail: ParsedMail) => {
            const to = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text;
            received.push({
              channel: 'email',
              to: to ?? '',
              event: String(mail.headers.get('x-flexy-event') ?? ''),
              key: (mail.headers.get('x-flexy-alert') as string | undefined) ?? null,
              subject: mail.subject ?? '',
              body: mail.text ?? '',
              headers: { html: typeof mail.html === 'string' ? mail.html : '' },
            });
            done();
          })
          .catch(done);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    mailer = smtpMailer(`smtp://127.0.0.1:${port}`);
    alertHookUrl = await listen(async (req, res) => {
      const body = JSON.parse(await readBody(req));
      received.push({
        channel: 'webhook',
        to: 'webhook',
        event: String(body.event),
        key: body.alert?.key ?? null,
        subject: String(body.text).split('\n')[0] ?? '',
        body: String(body.text),
        headers: {
          signature: String(req.headers['x-flexy-signature']),
          event: String(req.headers['x-flexy-event']),
        },
      });
      res.writeHead(200).end('ok');
    });
    shopHookUrl = await listen(async (req, res) => {
      shop.bodies.push(JSON.parse(await readBody(req)));
      res.writeHead(shop.status).end();
    });
    const staff = (email: string, role: 'admin' | 'manager' | 'finance', locale: string) =>
      t.db.transaction(async (tx) => {
        const user = await createUser(tx, {
          email,
          name: email,
          role,
          password: 'a-long-password',
        });
        await tx.execute(
          // Each person reads in their own language.
          (await import('drizzle-orm'))
            .sql`update users set locale = ${locale} where id = ${user.id}`,
        );
        return user;
      });
    await staff('manager@shop.dz', 'manager', 'ar');
    await staff('finance@shop.dz', 'finance', 'fr');
    await t.db.transaction((tx) =>
      saveChannelSettings(tx, {
        channel: 'webhook',
        enabled: true,
        settings: { url: alertHookUrl, secret: 'whsec_test_secret_1234567890', locale: 'en' },
        by: null,
        at: now(),
      }),
    );
  });
  afterAll(async () => {
    await sandbox.close();
    await new Promise((r) => smtp.close(() => r(null)));
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    await t.close();
  });
}

/** The shop sold a top-up and told the desk (source ingest); OneClick decides what it becomes. */
export async function place(input: Partial<CreateTopupInput> = {}) {
  const view = sandbox.controls.createTopup({
    msisdn: '0778037340',
    planCode: 'PREPAID_DJEZZY',
    amount: 500,
    createdAt: clock.now(),
    ...input,
  });
  const topup = topupSchema.parse(JSON.parse(JSON.stringify(sandbox.controls.get(view._id))));
  const { topupPk } = await observe(t.db, {
    topup,
    source: 'ingest',
    actor: { name: 'shop' },
    now: now(),
  });
  return { topupPk, topupId: view._id };
}

/** The desk's own background sync for a while of simulated time, a step at a time. */
export async function runSync(ms: number, stepMs = 5_000) {
  for (let done = 0; done < ms; done += stepMs) {
    clock.advance(stepMs);
    await engine.tick();
  }
  await pingUpstream({ db: t.db, client, now: clock.now });
  await metrics.publish(t.db);
  while ((await refreshRollups(t.db)).more) {}
}

/** One turn of the alert duties: evaluate, then send what was queued; waits for delivery. */
export async function look(opts: { keyFingerprint?: string | null } = {}) {
  const before = received.length;
  const evaluation = await evaluateAlerts({
    db: t.db,
    now: now(),
    keyFingerprint: opts.keyFingerprint ?? keyFingerprint(sandbox.apiKey),
    startedAt: new Date(START),
    smtpConfigured: true,
    deskUrl: DESK,
  });
  let sent = 0;
  for (;;) {
    const r = await drainNotices({ db: t.db, now, workerId: 'w', mailer, from: 'desk@shop.dz' });
    if (r.sent + r.failed === 0) break;
    sent += r.sent;
  }
  await until('every message to arrive', () => received.length >= before + sent);
  return evaluation;
}

/**
 * A look once the condition has cleared, then another after it stayed clear long enough to
 * resolve (RESOLVE_AFTER_MS), with the desk's sync running in between.
 */
export async function settle(opts: { keyFingerprint?: string | null } = {}) {
  await look(opts);
  await runSync(RESOLVE_AFTER_MS, 60_000);
  return look(opts);
}

/** Every message about alerts with this key, per channel, as the events each told. */
export async function told(key: string) {
  const bell = await t.db
    .select({ kind: alertEvents.kind })
    .from(alertEvents)
    .innerJoin(alerts, eq(alerts.id, alertEvents.alertId))
    .where(eq(alerts.key, key))
    .orderBy(alertEvents.id);
  const of = (channel: string, to?: string) =>
    received
      .filter((r) => r.channel === channel && r.key === key && (!to || r.to === to))
      .map((r) => r.event.replace(/^alert\./, ''));
  return {
    bell: bell.map((b) => b.kind).filter((k) => k !== 'reminded'),
    manager: of('email', 'manager@shop.dz'),
    finance: of('email', 'finance@shop.dz'),
    webhook: of('webhook'),
  };
}

/** Exactly one "opened" and one "resolved" message per channel. */
export const OPENED_THEN_RESOLVED = {
  bell: ['opened', 'resolved'],
  manager: ['opened', 'resolved'],
  finance: ['opened', 'resolved'],
  webhook: ['opened', 'resolved'],
};

/** Watch only `condition`: the others are turned off (their open alerts resolve). */
export async function only(condition: AlertCondition) {
  await t.db.transaction(async (tx) => {
    for (const c of ALERT_CONDITIONS)
      await saveConditionSettings(tx, {
        condition: c,
        enabled: c === condition,
        params: {},
        by: null,
        at: now(),
      });
  });
}
