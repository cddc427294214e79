import type { Metadata } from 'next';
import { SecretBox } from '@/components/ui/secret-box';
import { ROLES } from '@/db/enums';
import { lastTestNotice, noticeBacklog } from '@/db/queries/alerts';
import { lastDigestRun } from '@/db/queries/digests';
import { channelsView, conditionsView } from '@/lib/alerts/settings';
import { requireCapability } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { formatDateTime, formatShortDate } from '@/lib/i18n/dates';
import { LANGUAGES } from '@/lib/i18n/locales';
import { getLocale, getT } from '@/lib/i18n/server';
import { dayStart } from '@/lib/time/algiers';
import { ConditionForm, EmailChannelForm, WebhookChannelForm } from './forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('alerts.settings.title') };
}

export default async function AlertSettingsPage() {
  await requireCapability('alerts:manage');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const db = getDb();
  const config = getConfig();
  const [conditions, channels, emailTest, webhookTest, digest, backlog] = await Promise.all([
    conditionsView(db),
    channelsView(db),
    lastTestNotice(db, 'email'),
    lastTestNotice(db, 'webhook'),
    lastDigestRun(db),
    noticeBacklog(db, new Date()),
  ]);
  const testLine = (test: Awaited<ReturnType<typeof lastTestNotice>>) => {
    if (!test) return null;
    const result = test.sentAt
      ? t('alerts.settings.testSent', { time: formatDateTime(test.sentAt, locale) })
      : test.lastError
        ? t('alerts.settings.testFailed', {
            time: formatDateTime(test.createdAt, locale),
            error: test.lastError,
          })
        : t('alerts.settings.testPending');
    return <p className="text-sm text-muted-fg">{t('alerts.settings.lastTest', { result })}</p>;
  };
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('alerts.settings.title')}</h1>
        <p className="text-muted-fg">{t('alerts.settings.intro')}</p>
        <p className="mt-1 text-sm" data-testid="digest-status">
          {digest
            ? t('alerts.digest.sentAt', {
                day: formatShortDate(dayStart(digest.day), locale, false),
              })
            : t('alerts.digest.none')}
        </p>
      </div>
      <section className="space-y-3" aria-labelledby="alert-conditions">
        <h2 id="alert-conditions" className="text-lg font-semibold">
          {t('alerts.settings.conditions')}
        </h2>
        {conditions.map((c) => (
          <ConditionForm
            key={c.condition}
            condition={c.condition}
            name={t(`alerts.conditionName.${c.condition}`)}
            enabled={c.enabled}
            values={c.values}
            defaults={c.defaults}
          />
        ))}
      </section>
      <section className="space-y-3" aria-labelledby="alert-channels">
        <h2 id="alert-channels" className="text-lg font-semibold">
          {t('alerts.settings.channels')}
        </h2>
        <p className="text-sm">{t('alerts.settings.bellNote')}</p>
        <p className="text-sm" data-testid="notice-backlog">
          {t('alerts.settings.backlog', {
            pending: backlog.pending,
            failing: backlog.failing,
            gaveUp: backlog.gave_up,
          })}
        </p>
        {config.SMTP_URL ? (
          <p className="text-sm text-muted-fg">
            {t('alerts.settings.emailFrom', { from: config.ALERT_EMAIL_FROM })}
          </p>
        ) : (
          <p className="text-sm text-warning-fg" data-testid="email-off">
            {t('alerts.settings.emailNoSmtp')}
          </p>
        )}
        <EmailChannelForm
          enabled={channels.email.enabled}
          roles={channels.email.roles}
          roleLabels={Object.fromEntries(ROLES.map((r) => [r, t(`roles.${r}`)])) as never}
          smtpConfigured={Boolean(config.SMTP_URL)}
        />
        {testLine(emailTest)}
        <WebhookChannelForm
          enabled={channels.webhook.enabled}
          url={channels.webhook.url}
          locale={channels.webhook.locale}
          locales={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
        {channels.webhook.secret ? (
          <SecretBox
            title={t('alerts.settings.webhookSecret')}
            description={t('alerts.settings.webhookSecretHelp')}
            value={channels.webhook.secret}
            valueTestId="webhook-secret"
          />
        ) : null}
        {testLine(webhookTest)}
      </section>
    </div>
  );
}
