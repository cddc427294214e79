import { describe, expect, it } from 'vitest';
import { ageBucket, escalationPack } from './escalation';

const labels = {
  title: 'T',
  topupId: 'Top-up id',
  ref: 'Ref',
  phone: 'Phone',
  amount: 'Amount',
  plan: 'plan',
  created: 'Created',
  unknownSince: 'Since',
  requestIds: 'Request ids',
  timeline: 'Timeline',
  none: 'none',
  currency: 'DZD',
};

describe('UNKNOWN_ERROR escalation', () => {
  it('places an order in the 1–24 h window buckets, overdue past 24 h', () => {
    const since = new Date('2026-11-27T00:00:00Z');
    const at = (h: number) => new Date(since.getTime() + h * 3_600_000);
    expect([0.5, 1, 11.9, 12, 23.9, 24, 30].map((h) => ageBucket(since, at(h)))).toEqual([
      'lt1h',
      '1to12h',
      '1to12h',
      '12to24h',
      '12to24h',
      'overdue',
      'overdue',
    ]);
  });

  it('lists every distinct upstream requestId and the whole timeline', () => {
    const text = escalationPack(
      {
        topupId: '6901616fe9e88196b4eb64b0',
        ref: 'order-1',
        msisdn: '0600000003',
        topupAmount: '500.00',
        planCode: 'PREPAID_MOBILIS',
        upstreamCreatedAt: new Date('2026-11-26T10:00:00Z'),
        unknownErrorAt: new Date('2026-11-26T10:00:20Z'),
      },
      [
        {
          kind: 'created',
          toStatus: 'PENDING',
          source: 'ingest',
          requestId: 'req_1_a',
          message: null,
          createdAt: new Date('2026-11-26T10:00:01Z'),
        },
        {
          kind: 'status_changed',
          toStatus: 'UNKNOWN_ERROR',
          source: 'list-sync',
          requestId: 'req_2_b',
          message: null,
          createdAt: new Date('2026-11-26T10:00:21Z'),
        },
        {
          kind: 'checked',
          toStatus: 'UNKNOWN_ERROR',
          source: 'poll',
          requestId: 'req_2_b',
          message: null,
          createdAt: new Date('2026-11-26T11:00:21Z'),
        },
      ],
      labels,
    );
    expect(text).toContain('Top-up id: 6901616fe9e88196b4eb64b0');
    expect(text).toContain('Request ids: req_1_a, req_2_b');
    expect(text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(3);
  });
});
