import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../db/client';
import type { AlertCondition, NoticeChannel, Role } from '../../db/enums';
import {
  channelSettings,
  conditionSettings,
  queueNotices,
  saveChannelSettings,
  saveConditionSettings,
} from '../../db/queries/alerts';
import { UserFacingError } from '../errors/user-facing';
import type { Locale } from '../i18n/locales';
import {
  DEFAULT_EMAIL_ROLES,
  emailSettings,
  newWebhookSecret,
  noticesFor,
  webhookSecret,
  webhookSettings,
  webhookUrl,
} from './channels';
import { renderTest, webhookBody } from './render';
import { THRESHOLDS, thresholdsOf, withoutBlanks } from './thresholds';

// What an admin sets in Settings › Alerts: each condition's thresholds and whether it is on,
// the email roles, the webhook, and a test of each channel. Bad values are refused naming the
// field, and change nothing; the caller writes the audit row in the same transaction.

/** Each condition as the settings page shows it: on or off, its values and its defaults. */
export async function conditionsView(db: Db | Tx) {
  const rows = new Map((await conditionSettings(db)).map((r) => [r.condition, r]));
  return (Object.keys(THRESHOLDS) as AlertCondition[]).map((condition) => {
    const row = rows.get(condition);
    return {
      condition,
      enabled: row?.enabled ?? true,
      values: thresholdsOf(condition, row?.params) as Record<string, number>,
      defaults: thresholdsOf(condition, {}) as Record<string, number>,
    };
  });
}

export async function saveCondition(
  tx: Tx,
  input: { condition: AlertCondition; enabled: boolean; params: Record<string, string> },
  by: string,
  at: Date,
) {
  const schema = THRESHOLDS[input.condition].strict();
  const parsed = schema.safeParse(withoutBlanks(input.params));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // A field this condition does not have is named too (a stale form, a crafted post).
    const field = String(
      issue?.code === 'unrecognized_keys' ? issue.keys[0] : (issue?.path[0] ?? 'params'),
    );
    throw new UserFacingError('alerts.invalid.number', { field, params: { field } });
  }
  await saveConditionSettings(tx, { ...input, params: parsed.data, by, at });
  return parsed.data;
}

/** The channels as the settings page shows them; the webhook secret only to an admin's page. */
export async function channelsView(db: Db | Tx) {
  const rows = await channelSettings(db);
  const email = rows.find((r) => r.channel === 'email');
  const webhook = rows.find((r) => r.channel === 'webhook');
  const hook = webhookSettings
    .partial()
    .catch({})
    .parse(webhook?.settings ?? {});
  return {
    email: {
      enabled: email?.enabled ?? true,
      roles: emailSettings.catch({ roles: DEFAULT_EMAIL_ROLES }).parse(email?.settings ?? {}).roles,
    },
    webhook: {
      enabled: webhook?.enabled ?? false,
      url: typeof hook.url === 'string' ? hook.url : '',
      // Read on its own: a saved secret survives an empty or odd URL.
      secret: await webhookSecret(db),
      locale: hook.locale ?? 'en',
    },
  };
}

export async function saveEmailChannel(
  tx: Tx,
  input: { enabled: boolean; roles: Role[] },
  by: string,
  at: Date,
) {
  await saveChannelSettings(tx, {
    channel: 'email',
    enabled: input.enabled,
    settings: { roles: input.roles },
    by,
    at,
  });
}

/** Saves the webhook; the signing secret is made on first save and kept after. */
export async function saveWebhookChannel(
  tx: Tx,
  input: { enabled: boolean; url: string; locale: Locale },
  by: string,
  at: Date,
) {
  const url = input.url.trim();
  if (url !== '' && !webhookUrl.safeParse(url).success)
    throw new UserFacingError('alerts.invalid.url', { field: 'url' });
  if (input.enabled && url === '')
    throw new UserFacingError('alerts.invalid.url', { field: 'url' });
  const current = await channelsView(tx);
  const secret = current.webhook.secret ?? newWebhookSecret();
  await saveChannelSettings(tx, {
    channel: 'webhook',
    enabled: input.enabled,
    settings: { url, secret, locale: input.locale },
    by,
    at,
  });
}

/**
 * A test message on one channel, queued like any notice: to the asking admin's own address by
 * email, or to the webhook. Its row shows on the settings page when it went out, or why not.
 */
export async function queueTest(
  tx: Tx,
  input: {
    channel: NoticeChannel;
    by: { id: string; name: string; email: string; locale: Locale };
    smtpConfigured: boolean;
    deskUrl: string | null;
    at: Date;
  },
) {
  const view = await channelsView(tx);
  const dedupeKey = `test:${input.channel}:${randomUUID()}`;
  if (input.channel === 'email') {
    if (!input.smtpConfigured) throw new UserFacingError('alerts.invalid.noSmtp');
    const rendered = renderTest('email', input.by.name, input.by.locale, input.deskUrl);
    await queueNotices(tx, [
      {
        dedupeKey,
        channel: 'email',
        recipient: input.by.email,
        kind: 'test',
        alertId: null,
        ...rendered,
        payload: { event: 'test' },
        createdAt: input.at,
        dueAt: input.at,
      },
    ]);
    return;
  }
  const hook = webhookSettings.safeParse({
    url: view.webhook.url,
    secret: view.webhook.secret,
    locale: view.webhook.locale,
  });
  if (!hook.success) throw new UserFacingError('alerts.invalid.noWebhook');
  const rows = await noticesFor(
    tx,
    { email: null, webhook: hook.data },
    {
      dedupeKey,
      kind: 'test',
      alertId: null,
      at: input.at,
      render: (locale) => renderTest('webhook', input.by.name, locale, input.deskUrl),
      payload: (rendered) => webhookBody(rendered, 'test', null, input.deskUrl),
    },
  );
  await queueNotices(tx, rows);
}
