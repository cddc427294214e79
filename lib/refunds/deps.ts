import 'server-only';
import { getConfig } from '../config';
import { getDb } from '../db';
import { DEFAULT_LOCALE, type Locale } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import { getUpstream } from '../sync/upstream';
import type { RefundDeps } from './service';
import type { WebhookConfig } from './webhook';

/** The refund service wired to this process's database, upstream client and settings. */
export function refundDeps(locale: Locale = DEFAULT_LOCALE): RefundDeps {
  const config = getConfig();
  return {
    db: getDb(),
    client: { checkId: (id: string) => getUpstream().client.checkId(id) },
    now: () => new Date(),
    threshold: config.REFUND_APPROVAL_THRESHOLD,
    webhookConfigured: webhookConfig() !== null,
    formatTime: (at) => formatDateTime(at, locale),
  };
}

export function webhookConfig(): WebhookConfig | null {
  const config = getConfig();
  return config.REFUND_WEBHOOK_URL && config.REFUND_WEBHOOK_SECRET
    ? { url: config.REFUND_WEBHOOK_URL, secret: config.REFUND_WEBHOOK_SECRET }
    : null;
}
