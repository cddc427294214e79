import type { EventLine } from '../../db/queries/unknown';

// The text support sends to OneClick when an UNKNOWN_ERROR is overdue: everything OneClick
// needs to find and settle the top-up, with every upstream requestId we were given.

type PackOrder = {
  topupId: string;
  ref: string | null;
  msisdn: string;
  topupAmount: string;
  planCode: string;
  upstreamCreatedAt: Date;
  unknownErrorAt: Date | null;
};
type PackEvent = EventLine;
export type PackLabels = {
  title: string;
  topupId: string;
  ref: string;
  phone: string;
  amount: string;
  plan: string;
  created: string;
  unknownSince: string;
  requestIds: string;
  timeline: string;
  none: string;
  currency: string;
};

export function escalationPack(order: PackOrder, events: PackEvent[], labels: PackLabels): string {
  const requestIds = [
    ...new Set(events.map((e) => e.requestId).filter((id): id is string => Boolean(id))),
  ];
  const lines = [
    labels.title,
    `${labels.topupId}: ${order.topupId}`,
    `${labels.ref}: ${order.ref ?? labels.none}`,
    `${labels.phone}: ${order.msisdn}`,
    `${labels.amount}: ${order.topupAmount} ${labels.currency} (${labels.plan} ${order.planCode})`,
    `${labels.created}: ${order.upstreamCreatedAt.toISOString()}`,
    `${labels.unknownSince}: ${order.unknownErrorAt?.toISOString() ?? labels.none}`,
    `${labels.requestIds}: ${requestIds.length ? requestIds.join(', ') : labels.none}`,
    `${labels.timeline}:`,
    ...events.map(
      (e) =>
        `- ${e.createdAt.toISOString()} ${e.kind}${e.toStatus ? ` ${e.toStatus}` : ''} (${e.source})${e.requestId ? ` ${e.requestId}` : ''}${e.message ? ` — ${e.message}` : ''}`,
    ),
  ];
  return lines.join('\n');
}

export type AgeBucket = 'lt1h' | '1to12h' | '12to24h' | 'overdue';

/** Where an UNKNOWN_ERROR stands against OneClick's 1–24 h resolution window. */
export function ageBucket(since: Date, now: Date): AgeBucket {
  const hours = (now.getTime() - since.getTime()) / 3_600_000;
  if (hours < 1) return 'lt1h';
  if (hours < 12) return '1to12h';
  if (hours < 24) return '12to24h';
  return 'overdue';
}
