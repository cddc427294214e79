import { createT, directionOf, intlLocale, type Locale, languageOf, type T } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import { formatDzd } from '../i18n/money';
import { formatNumber, formatPercent } from '../i18n/numbers';
import { DEFAULT_RANGE_DAYS, rangeQuery } from '../reconcile/days';
import { addDays, DESK_TIME_ZONE, dayStart, HOUR_MS } from '../time/algiers';
import type { Figure, FinanceDigest, ManagerDigest, RateFigure } from './content';
import { type Block, type Cell, type Email, type Joiners, toHtml, toText } from './layout';

// A digest in one person's language and digits: the subject, a plain-text part and an HTML
// part, written from the same blocks (./layout.ts). Words come from the `digest` catalogue;
// numbers, amounts, rates and times from the desk's own formatters.

export type RenderedDigest = { subject: string; text: string; html: string };

type Parts = { subject: string; title: string; blocks: Block[] };

/** What the desk writes a figure with, in one locale. */
type Fmt = {
  t: T;
  pct: (rate: number | null) => string;
  n: (value: number) => string;
  dzd: (amount: string) => string;
  day: (style: 'full' | 'long') => string;
};

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A desk day as words: «Sunday, 22 November 2026» (full) or «22 November 2026» (long). */
function formatDay(day: string, locale: Locale, style: 'full' | 'long'): string {
  const key = `${locale}:${style}`;
  let fmt = dayFormats.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(intlLocale(locale), {
      dateStyle: style,
      timeZone: DESK_TIME_ZONE,
    });
    dayFormats.set(key, fmt);
  }
  return fmt.format(dayStart(day));
}

/** The desk's address without a trailing slash, or null unless it is an http(s) URL. */
function deskBase(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

const rateCell = (f: Fmt, r: RateFigure): Cell => ({
  text: f.pct(r.rate),
  note: f.t('digest.manager.settledOf', { settled: r.settled, fulfilled: r.fulfilled }),
});

/** «2 orders, 1,500 DZD», or «none». */
function figureCell(
  f: Fmt,
  figure: Figure,
  noun: 'digest.orders' | 'digest.refunds',
  alert = false,
): Cell {
  const count = f.t(noun, { count: figure.count });
  if (figure.count === 0) return { text: count };
  return { text: f.t('digest.figure', { count, amount: f.dzd(figure.amount) }), alert };
}

function managerParts(d: ManagerDigest, f: Fmt, base: string | null): Parts {
  const { t } = f;
  const oldestHours = d.unknown.oldestAt
    ? Math.round(((d.asOf.getTime() - d.unknown.oldestAt.getTime()) / HOUR_MS) * 10) / 10
    : null;
  const blocks: Block[] = [
    { kind: 'section', title: t('digest.manager.rates') },
    { kind: 'note', text: t('digest.manager.placed', { count: d.overall.day.orders }) },
    {
      kind: 'table',
      head: [t('digest.manager.operator'), t('digest.manager.yesterday'), t('digest.manager.week')],
      rows: [
        [
          { text: t('digest.manager.all') },
          rateCell(f, d.overall.day),
          rateCell(f, d.overall.week),
        ],
        ...d.operators.map((o) => [
          { text: o.operator === 'Other' ? t('digest.manager.other') : o.operator },
          rateCell(f, o.day),
          rateCell(f, o.week),
        ]),
      ],
    },
    { kind: 'note', text: t('digest.manager.ratesHelp') },
    { kind: 'section', title: t('digest.manager.unknown') },
    {
      kind: 'facts',
      rows: [
        { label: t('digest.manager.unknownWaiting'), value: { text: f.n(d.unknown.count) } },
        {
          label: t('digest.manager.unknownOldest'),
          value: {
            text: oldestHours === null ? '—' : t('charts.hours', { value: f.n(oldestHours) }),
          },
        },
        {
          label: t('digest.manager.unknownOverdue'),
          value: { text: f.n(d.unknown.overdue), alert: d.unknown.overdue > 0 },
        },
      ],
    },
    { kind: 'section', title: t('digest.manager.refunds') },
    {
      kind: 'facts',
      rows: [
        { label: t('digest.manager.refundsCount'), value: { text: f.n(d.refunds.count) } },
        { label: t('digest.manager.refundsAmount'), value: { text: f.dzd(d.refunds.amount) } },
      ],
    },
  ];
  if (base) {
    const reports = new URLSearchParams({
      range: 'custom',
      from: addDays(d.day, -7),
      to: d.day,
      g: 'day',
    });
    blocks.push({
      kind: 'links',
      links: [
        { text: t('digest.manager.openReports'), href: `${base}/reports?${reports}` },
        { text: t('digest.manager.openUnknown'), href: `${base}/unknown` },
      ],
    });
  }
  return {
    subject: t('digest.manager.subject', {
      date: f.day('long'),
      rate: f.pct(d.overall.day.rate),
      week: f.pct(d.overall.week.rate),
    }),
    title: t('digest.manager.title'),
    blocks,
  };
}

function financeParts(d: FinanceDigest, f: Fmt, base: string | null): Parts {
  const { t } = f;
  const r = d.reconciliation;
  const blocks: Block[] = [
    { kind: 'section', title: t('digest.finance.now') },
    {
      kind: 'facts',
      rows: [
        { label: t('digest.finance.due'), value: figureCell(f, d.due, 'digest.refunds') },
        {
          label: t('digest.finance.awaiting'),
          value: figureCell(f, d.awaitingApproval, 'digest.refunds'),
        },
      ],
    },
    { kind: 'section', title: t('digest.finance.reconcile') },
    {
      kind: 'facts',
      rows: [
        { label: t('digest.finance.refunded'), value: figureCell(f, r.refunded, 'digest.orders') },
        { label: t('digest.finance.recorded'), value: figureCell(f, r.recorded, 'digest.refunds') },
        {
          label: t('digest.finance.missing'),
          value: figureCell(f, r.missing, 'digest.orders', true),
        },
        { label: t('digest.finance.extra'), value: figureCell(f, r.extra, 'digest.refunds', true) },
      ],
    },
    { kind: 'note', text: t('digest.finance.reconcileHelp') },
  ];
  if (base) {
    const range = { from: addDays(d.day, 1 - DEFAULT_RANGE_DAYS), to: d.day, day: d.day };
    blocks.push({
      kind: 'links',
      links: [
        { text: t('digest.finance.openRefunds'), href: `${base}/refunds` },
        {
          text: t('digest.finance.openReconcile'),
          href: `${base}/reconciliation?${rangeQuery(range)}`,
        },
      ],
    });
  }
  return {
    subject: t('digest.finance.subject', {
      date: f.day('long'),
      count: d.due.count,
      amount: f.dzd(d.due.amount),
    }),
    title: t('digest.finance.title'),
    blocks,
  };
}

export function renderDigest(
  digest: ManagerDigest | FinanceDigest,
  locale: Locale,
  deskUrl: string | null,
): RenderedDigest {
  const t = createT(locale);
  const f: Fmt = {
    t,
    pct: (rate) => (rate === null ? '—' : formatPercent(rate, locale)),
    n: (value) => formatNumber(value, locale),
    dzd: (amount) => formatDzd(amount, locale, t('money.currency')),
    day: (style) => formatDay(digest.day, locale, style),
  };
  const base = deskBase(deskUrl);
  const parts =
    digest.kind === 'manager' ? managerParts(digest, f, base) : financeParts(digest, f, base);
  const email: Email = {
    lang: languageOf(locale),
    dir: directionOf(locale),
    brand: t('app.name'),
    title: parts.title,
    date: f.day('full'),
    blocks: parts.blocks,
    footer: [t('digest.asOf', { time: formatDateTime(digest.asOf, locale) }), t('digest.footer')],
  };
  const join: Joiners = {
    pair: (label, value) => t('digest.pair', { label, value }),
    note: (cell) =>
      cell.note ? t('digest.withNote', { value: cell.text, note: cell.note }) : cell.text,
  };
  return { subject: parts.subject, text: toText(email, join), html: toHtml(email, parts.subject) };
}
