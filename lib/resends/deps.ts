import 'server-only';
import { getConfig } from '../config';
import { getDb } from '../db';
import { DEFAULT_LOCALE, type Locale } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import { webhookConfig } from '../refunds/deps';
import { getUpstream } from '../sync/upstream';
import type { ResendDeps } from './service';

/** The re-send service wired to this process's database, upstream client and settings. */
export function resendDeps(locale: Locale = DEFAULT_LOCALE): ResendDeps {
  const { client } = getUpstream();
  return {
    db: getDb(),
    client: {
      checkId: (id: string) => client.checkId(id),
      checkRef: (ref: string) => client.checkRef(ref),
      send: (input) => client.send(input),
    },
    now: () => new Date(),
    threshold: getConfig().REFUND_APPROVAL_THRESHOLD,
    webhookConfigured: webhookConfig() !== null,
    formatTime: (at) => formatDateTime(at, locale),
  };
}
