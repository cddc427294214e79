import { describe, expect, it } from 'vitest';
import {
  DESK,
  mailer,
  now,
  OPENED_THEN_RESOLVED,
  only,
  place,
  received,
  runSync,
  sandbox,
  setupAlerts,
  t,
  told,
} from '../../test/alerts';
import { until } from '../../test/until';
import { keyFingerprint } from '../sync/credentials';
import { evaluateAlerts, RESOLVE_AFTER_MS } from './evaluate';
import { drainNotices } from './send';

// However many instances run the background jobs, each step of an alert happens once and each
// of its messages is sent once: the evaluator holds an advisory lock for its transaction, the
// notices are unique by their dedupe key, and a notice is claimed by one sender.

setupAlerts();

/** One instance's turn of the alert duties. */
const instance = (name: string) => ({
  evaluate: () =>
    evaluateAlerts({
      db: t.db,
      now: now(),
      keyFingerprint: keyFingerprint(sandbox.apiKey),
      startedAt: new Date(0),
      smtpConfigured: true,
      deskUrl: DESK,
    }),
  send: () => drainNotices({ db: t.db, now, workerId: name, mailer, from: 'desk@shop.dz' }),
});

describe('two workers evaluating at once', () => {
  it('open, tell and resolve an alert once, every message sent once', async () => {
    await only('operator_failures');
    const [a, b] = [instance('a'), instance('b')];
    const both = async () => {
      const turns = await Promise.all([a.evaluate(), b.evaluate(), a.evaluate(), b.evaluate()]);
      // At least one of them evaluated; the others found the lock taken and skipped.
      expect(turns.some((r) => r !== null)).toBe(true);
      const sent = await Promise.all([a.send(), b.send(), a.send(), b.send()]);
      return sent.reduce((n, r) => n + r.sent, 0);
    };
    for (let i = 0; i < 30; i++)
      await place({ msisdn: '0600000001', planCode: 'PREPAID_OOREDOO', amount: 100 });
    await runSync(30_000);
    let sent = 0;
    for (let round = 0; round < 3; round++) sent += await both();
    await runSync(20 * 60_000, 60_000);
    sent += await both(); // clear: noted, not yet resolved
    await runSync(RESOLVE_AFTER_MS, 60_000);
    for (let round = 0; round < 3; round++) sent += await both();
    await until('the messages to arrive', () => received.length >= sent);
    expect(sent).toBe(6); // opened and resolved, to two people and the webhook
    expect(received).toHaveLength(6);
    expect(await told('operator_failures:Ooredoo')).toEqual(OPENED_THEN_RESOLVED);
  });
});
