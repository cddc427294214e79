import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertChannels, alertConditions, notices } from '../../db/schema';
import { createTestDb, type TestDb } from '../../test/db';
import { UserFacingError } from '../errors/user-facing';
import { createUser } from '../users/service';
import { loadChannels } from './channels';
import { conditionsView, queueTest, saveCondition, saveWebhookChannel } from './settings';

// What an admin sets: a bad value is refused naming the field and changes nothing; the webhook
// keeps one signing secret; a test goes out on the channel asked.

let t: TestDb;
let adminId: string;
beforeAll(async () => {
  t = await createTestDb();
  const admin = await t.db.transaction((tx) =>
    createUser(tx, {
      email: 'root@shop.dz',
      name: 'Root',
      role: 'admin',
      password: 'a-long-password',
    }),
  );
  adminId = admin.id;
});
afterAll(() => t.close());

const at = new Date('2026-11-24T09:00:00Z');
const refusal = async (change: Promise<unknown>) => {
  const error = await change.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
};

describe('alert settings', () => {
  it('saves a threshold and shows it beside its default', async () => {
    await t.db.transaction((tx) =>
      saveCondition(
        tx,
        { condition: 'runway', enabled: true, params: { hours: '12' } },
        adminId,
        at,
      ),
    );
    const runway = (await conditionsView(t.db)).find((c) => c.condition === 'runway');
    expect(runway).toMatchObject({ enabled: true, values: { hours: 12 }, defaults: { hours: 6 } });
  });

  it('refuses a value out of range or a field it does not know, naming it, and keeps the old', async () => {
    for (const params of [{ hours: '-1' }, { hours: 'soon' }, { hours: '6', extra: '1' }] as Record<
      string,
      string
    >[]) {
      const error = await refusal(
        t.db.transaction((tx) =>
          saveCondition(tx, { condition: 'runway', enabled: false, params }, adminId, at),
        ),
      );
      expect(error.messageKey).toBe('alerts.invalid.number');
      expect(error.options.field).toBe(params.extra ? 'extra' : 'hours');
    }
    const rows = await t.db.select().from(alertConditions);
    expect(rows).toEqual([
      expect.objectContaining({ condition: 'runway', enabled: true, params: { hours: 12 } }),
    ]);
  });

  it('refuses a webhook URL with credentials or not http(s), and makes one secret it keeps', async () => {
    for (const url of ['ftp://hooks.example/x', 'https://user:pw@hooks.example/x', 'not a url']) {
      const error = await refusal(
        t.db.transaction((tx) =>
          saveWebhookChannel(tx, { enabled: true, url, locale: 'en' }, adminId, at),
        ),
      );
      expect(error.options.field).toBe('url');
    }
    expect(await t.db.select().from(alertChannels)).toEqual([]);
    const save = (url: string) =>
      t.db.transaction((tx) =>
        saveWebhookChannel(tx, { enabled: true, url, locale: 'fr' }, adminId, at),
      );
    await save('https://hooks.example/one');
    const first = (await loadChannels(t.db, false)).webhook;
    await save('https://hooks.example/two');
    const second = (await loadChannels(t.db, false)).webhook;
    expect(first?.secret).toMatch(/^whsec_/);
    expect(second).toEqual({
      url: 'https://hooks.example/two',
      secret: first?.secret,
      locale: 'fr',
    });
  });

  it('queues a test on the channel asked: email to the admin, refused without SMTP', async () => {
    const by = { id: adminId, name: 'Root', email: 'root@shop.dz', locale: 'en' as const };
    const error = await refusal(
      t.db.transaction((tx) =>
        queueTest(tx, { channel: 'email', by, smtpConfigured: false, deskUrl: null, at }),
      ),
    );
    expect(error.messageKey).toBe('alerts.invalid.noSmtp');
    await t.db.transaction(async (tx) => {
      await queueTest(tx, { channel: 'email', by, smtpConfigured: true, deskUrl: null, at });
      await queueTest(tx, { channel: 'webhook', by, smtpConfigured: true, deskUrl: null, at });
    });
    const queued = await t.db.select().from(notices);
    expect(queued.map((n) => [n.channel, n.recipient, n.kind])).toEqual([
      ['email', 'root@shop.dz', 'test'],
      ['webhook', 'https://hooks.example/two', 'test'],
    ]);
    expect(queued[1]?.text).toContain('Ceci est un test');
  });
});
