import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { type NoticeChannel, ROLES, type Role } from '../../db/enums';
import { channelSettings, type NewNotice, recipientsIn } from '../../db/queries/alerts';
import { withoutCredentials } from '../config';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../i18n/locales';
import type { Rendered } from './render';

// Where alerts go besides the bell, as an admin set it: email to the people of some roles (when
// SMTP_URL is configured), and one incoming webhook. Read when notices are queued.

export const DEFAULT_EMAIL_ROLES: Role[] = ['admin', 'manager', 'finance'];

export const emailSettings = z.object({
  roles: z.array(z.enum(ROLES)).default(DEFAULT_EMAIL_ROLES),
});

/** A URL fetch can post to, without credentials (the signature authenticates the sender). */
export const webhookUrl = z.url({ protocol: /^https?$/, abort: true }).refine(withoutCredentials);

export const webhookSettings = z.object({
  url: webhookUrl,
  secret: z.string().min(16),
  locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
});

export type Channels = {
  email: { roles: Role[] } | null;
  webhook: z.infer<typeof webhookSettings> | null;
};

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

/** The channels that are on: email only with SMTP configured; an email row's absence means on. */
export async function loadChannels(db: Db | Tx, smtpConfigured: boolean): Promise<Channels> {
  const rows = await channelSettings(db);
  const row = (c: NoticeChannel) => rows.find((r) => r.channel === c);
  const email = row('email');
  const webhook = row('webhook');
  const parsedWebhook = webhook?.enabled ? webhookSettings.safeParse(webhook.settings) : null;
  return {
    email:
      smtpConfigured && (email?.enabled ?? true)
        ? emailSettings.catch({ roles: DEFAULT_EMAIL_ROLES }).parse(email?.settings ?? {})
        : null,
    webhook: parsedWebhook?.success ? parsedWebhook.data : null,
  };
}

/** The webhook's signing secret as saved, whether or not the channel is on (its tests). */
export async function webhookSecret(db: Db | Tx): Promise<string | null> {
  const row = (await channelSettings(db)).find((r) => r.channel === 'webhook');
  const parsed = webhookSettings.pick({ secret: true }).safeParse(row?.settings ?? {});
  return parsed.success ? parsed.data.secret : null;
}

/** One message, rendered per language, queued once per recipient on every channel that is on. */
export async function noticesFor(
  db: Db | Tx,
  channels: Channels,
  message: {
    /** Unique per message: the recipient and channel are appended. */
    dedupeKey: string;
    kind: string;
    alertId: string | null;
    at: Date;
    render: (locale: Locale) => Rendered;
    payload: (rendered: Rendered) => unknown;
    /** Email only these roles (digests); default: the email channel's roles. */
    roles?: readonly Role[];
  },
): Promise<NewNotice[]> {
  const out: NewNotice[] = [];
  const base = {
    kind: message.kind,
    alertId: message.alertId,
    createdAt: message.at,
    dueAt: message.at,
  };
  if (channels.email) {
    const roles = message.roles ?? channels.email.roles;
    const people = await recipientsIn(db, roles);
    const byLocale = new Map<Locale, Rendered>();
    for (const person of people) {
      const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
      let rendered = byLocale.get(locale);
      if (!rendered) {
        rendered = message.render(locale);
        byLocale.set(locale, rendered);
      }
      out.push({
        ...base,
        dedupeKey: `${message.dedupeKey}:email:${person.email.toLowerCase()}`,
        channel: 'email',
        recipient: person.email,
        ...rendered,
        // Kept for the X-Flexy-* headers mail filters sort on (event, alert key).
        payload: message.payload(rendered),
      });
    }
  }
  if (channels.webhook && !message.roles) {
    const rendered = message.render(channels.webhook.locale);
    out.push({
      ...base,
      dedupeKey: `${message.dedupeKey}:webhook`,
      channel: 'webhook',
      recipient: channels.webhook.url,
      subject: rendered.subject,
      text: rendered.text,
      html: null,
      payload: message.payload(rendered),
    });
  }
  return out;
}
