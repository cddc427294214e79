import { describe, expect, it } from 'vitest';
import {
  clock,
  DESK,
  look,
  mailer,
  now,
  place,
  received,
  runSync,
  setupAlerts,
  t,
} from '../../test/alerts';
import { until } from '../../test/until';
import { drainNotices } from '../alerts/send';
import { queueDigests } from './schedule';

// The morning digests go out from 08:00 Algeria time, once per desk day however many workers
// ask, by email with a plain-text and an HTML part in each person's language.

setupAlerts();

const queue = () => queueDigests({ db: t.db, now: now(), smtpConfigured: true, deskUrl: DESK });
const send = async () => {
  const before = received.length;
  const { sent } = await drainNotices({
    db: t.db,
    now,
    workerId: 'w',
    mailer,
    from: 'desk@shop.dz',
  });
  await until('the digests to arrive', () => received.length >= before + sent);
  return received.slice(before);
};

describe('morning digests', () => {
  it('are queued once at 08:00 Algiers time, for managers and finance, in their languages', async () => {
    await look(); // nothing holds: no alert mail in the way
    for (let i = 0; i < 5; i++) await place({ amount: 100 });
    await runSync(30_000);
    // Wednesday 25 Nov, 07:59 in Algiers (06:59 UTC): not yet.
    clock.set(Date.UTC(2026, 10, 25, 6, 59, 0));
    expect(await queue()).toBeNull();
    clock.set(Date.UTC(2026, 10, 25, 7, 0, 0));
    const runs = await Promise.all([queue(), queue(), queue()]);
    expect(runs.filter((r) => r !== null)).toEqual([{ day: '2026-11-24', recipients: 2 }]);
    expect(await queue()).toBeNull();
    const mails = await send();
    expect(mails.map((m) => [m.to, m.event]).sort()).toEqual([
      ['finance@shop.dz', 'digest.finance'],
      ['manager@shop.dz', 'digest.manager'],
    ]);
    const manager = mails.find((m) => m.to === 'manager@shop.dz');
    const finance = mails.find((m) => m.to === 'finance@shop.dz');
    expect(manager?.headers.html).toMatch(/<html lang="ar" dir="rtl"/);
    expect(finance?.headers.html).toMatch(/<html lang="fr"/);
    expect(finance?.body).toMatch(/Rapprochement|rapprochement/);
    // The next morning brings the next day's.
    clock.set(Date.UTC(2026, 10, 26, 7, 30, 0));
    expect(await queue()).toEqual({ day: '2026-11-25', recipients: 2 });
  });
});
