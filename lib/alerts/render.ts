import type { AlertCondition } from '../../db/enums';
import { escapeHtml } from '../digests/layout';
import { createT, type Key, type Locale, type T } from '../i18n';
import { formatDateTime, formatShortDate } from '../i18n/dates';
import { directionOf, languageOf } from '../i18n/locales';
import { formatDzd } from '../i18n/money';
import { formatNumber, formatPercent } from '../i18n/numbers';
import { dayStart } from '../time/algiers';
import type { Facts } from './conditions';

// What an alert says, in the reader's language: one subject, a plain text and an HTML body for
// email, and the JSON body of the webhook (a `text` field that Slack-, Teams- and
// Telegram-style incoming hooks show as is, plus the alert's data for a program).

export type NoticeEvent = 'opened' | 'reminded' | 'resolved';
export type AlertForNotice = {
  id: string;
  key: string;
  condition: AlertCondition;
  facts: unknown;
  openedAt: Date;
  resolvedAt: Date | null;
  reminders: number;
};
export type Rendered = { subject: string; text: string; html: string };

const TIMES = new Set(['oldest', 'lastSuccess', 'until', 'since', 'balanceAt']);
const AMOUNTS = new Set(['balance', 'missingAmount', 'extraAmount']);

/** The facts as the messages' placeholders, each formatted for the reader. */
function placeholders(facts: Facts, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(facts)) {
    if (value === null || value === '') out[name] = '—';
    else if (TIMES.has(name)) out[name] = formatDateTime(String(value), locale);
    else if (AMOUNTS.has(name)) out[name] = formatDzd(String(value), locale);
    else if (name === 'day') out[name] = formatShortDate(dayStart(String(value)), locale, false);
    else out[name] = value;
  }
  if (typeof facts.ratePercent === 'number')
    out.rate = formatPercent(facts.ratePercent / 100, locale);
  if (typeof facts.baselinePercent === 'number')
    out.baseline = formatPercent(facts.baselinePercent / 100, locale);
  if (typeof facts.hours === 'number') out.hours = formatNumber(facts.hours, locale);
  for (const name of ['error', 'lastError', 'operator', 'problem'])
    if (out[name] === undefined) out[name] = name === 'problem' ? 'other' : '—';
  return out;
}

export const factsOf = (alert: Pick<AlertForNotice, 'facts'>): Facts =>
  (alert.facts && typeof alert.facts === 'object' ? alert.facts : {}) as Facts;

export function alertTitle(
  t: T,
  alert: Pick<AlertForNotice, 'condition' | 'facts'>,
  locale: Locale,
) {
  return t(`alerts.condition.${alert.condition}` as Key, placeholders(factsOf(alert), locale));
}

export function alertDetail(
  t: T,
  alert: Pick<AlertForNotice, 'condition' | 'facts'>,
  locale: Locale,
) {
  return t(`alerts.detail.${alert.condition}` as Key, placeholders(factsOf(alert), locale));
}

/** "2 h 5 min" in the reader's words and digits (the UNKNOWN_ERROR queue's wording). */
function duration(t: T, ms: number) {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return t('unknown.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

const alertsUrl = (deskUrl: string | null, alert?: AlertForNotice) =>
  deskUrl ? `${deskUrl.replace(/\/$/, '')}/alerts${alert ? `?focus=${alert.id}` : ''}` : null;

/** An alert's email (and the text the webhook shows) for one step of its life. */
export function renderAlert(
  alert: AlertForNotice,
  event: NoticeEvent,
  locale: Locale,
  deskUrl: string | null,
  at: Date,
): Rendered {
  const t = createT(locale);
  const title = alertTitle(t, alert, locale);
  const subject = `[Flexy Desk] ${t(`alerts.notice.${event}`, { title })}`;
  const lines = [alertDetail(t, alert, locale)];
  if (event === 'opened')
    lines.push(t('alerts.notice.openedLine', { at: formatDateTime(at, locale) }));
  if (event === 'reminded')
    lines.push(
      t('alerts.notice.remindedLine', {
        n: formatNumber(alert.reminders, locale),
        at: formatDateTime(alert.openedAt, locale),
      }),
    );
  if (event === 'resolved')
    lines.push(
      t('alerts.notice.resolvedLine', {
        at: formatDateTime(at, locale),
        duration: duration(t, at.getTime() - alert.openedAt.getTime()),
      }),
    );
  return page({ subject, heading: title, lines, locale, url: alertsUrl(deskUrl, alert), t });
}

/** A channel's test message. */
export function renderTest(
  channel: string,
  by: string,
  locale: Locale,
  deskUrl: string | null,
): Rendered {
  const t = createT(locale);
  const subject = `[Flexy Desk] ${t('alerts.notice.testSubject')}`;
  const lines = [t('alerts.notice.testBody', { channel, name: by })];
  return page({
    subject,
    heading: t('alerts.notice.testSubject'),
    lines,
    locale,
    url: alertsUrl(deskUrl),
    t,
  });
}

function page(p: {
  subject: string;
  heading: string;
  lines: string[];
  locale: Locale;
  url: string | null;
  t: T;
}): Rendered {
  const link = p.t('alerts.notice.link');
  const footer = p.t('alerts.notice.footer');
  const text = [
    p.heading,
    '',
    ...p.lines,
    ...(p.url ? ['', `${link}: ${p.url}`] : []),
    '',
    '—',
    footer,
    '',
  ].join('\n');
  const dir = directionOf(p.locale);
  const html = `<!doctype html>
<html lang="${languageOf(p.locale)}" dir="${dir}">
<head><meta charset="utf-8"><title>${escapeHtml(p.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,-apple-system,'Segoe UI',Tahoma,Arial,sans-serif;color:#111827">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e5e7eb;border-radius:8px;padding:24px">
<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(p.heading)}</h1>
${p.lines.map((l) => `<p style="margin:0 0 12px;line-height:1.5">${escapeHtml(l)}</p>`).join('\n')}
${p.url ? `<p style="margin:16px 0"><a href="${escapeHtml(p.url)}" style="background:#1d4ed8;color:#ffffff;padding:8px 14px;border-radius:6px;text-decoration:none">${escapeHtml(link)}</a></p>` : ''}
<p style="margin:16px 0 0;font-size:12px;color:#6b7280">${escapeHtml(footer)}</p>
</div>
</body>
</html>
`;
  return { subject: p.subject, text, html };
}

/** The webhook's JSON body: `text` for chat hooks, the rest for programs. */
export function webhookBody(
  rendered: Rendered,
  event: string,
  alert: (AlertForNotice & { state: string }) | null,
  deskUrl: string | null,
) {
  const body = rendered.text.split('\n—\n')[0]?.trim() ?? rendered.text;
  return {
    text: `${rendered.subject}\n${body}`,
    event,
    ...(alert
      ? {
          alert: {
            id: alert.id,
            key: alert.key,
            condition: alert.condition,
            state: alert.state,
            facts: alert.facts,
            openedAt: alert.openedAt.toISOString(),
            resolvedAt: alert.resolvedAt?.toISOString() ?? null,
          },
        }
      : {}),
    url: alertsUrl(deskUrl, alert ?? undefined),
  };
}
