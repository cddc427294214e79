import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  issueToken,
  postRequest,
  snapshot,
  startUpstream,
  upstreamTopup,
} from '../../test/api-support';
import { createTestDb, type TestDb } from '../../test/db';
import {
  BAD_CONTENT_TYPES,
  BAD_PRICES,
  badAuthorization,
  badTopupId,
  HOSTILE_STRINGS,
  NON_OBJECTS,
  notJson,
  pick,
  type Rng,
  seededRandom,
  UNKNOWN_KEYS,
  unknownId,
  wrongValue,
} from '../../test/hostile-payloads';
import type { OneClickClient } from '../oneclick/client';
import type { Sandbox } from '../sandbox';
import { handleRegister } from './handlers';
import { ERROR_CODES } from './responses';
import { revokeToken } from './token-admin';

// 1,000 generated malformed or hostile registrations: every one gets a 4xx with a clear
// message, and not one row of topups, topup_events or ingest_queue changes.

const CASES = 1_000;
const SEED = 20_240_604;

let t: TestDb;
let sandbox: Sandbox;
let client: OneClickClient;
const tokens = { valid: '', revoked: '' };
let held: { id: string; ref: string };
let fresh: { id: string; ref: string };

beforeAll(async () => {
  t = await createTestDb();
  ({ sandbox, client } = await startUpstream());
  tokens.valid = (await issueToken(t.db, 'fuzzed shop')).token;
  const old = await issueToken(t.db, 'old shop');
  await t.db.transaction((tx) => revokeToken(tx, old.id));
  tokens.revoked = old.token;
  held = upstreamTopup(sandbox);
  fresh = upstreamTopup(sandbox);
  const res = await handleRegister(
    postRequest(
      JSON.stringify({ topupId: held.id, ref: held.ref, customerRef: 'C-1', customerPrice: 900 }),
      {
        token: tokens.valid,
      },
    ),
    { db: t.db, client, now: () => new Date() },
  );
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await sandbox.close();
  await t.close();
});

type Case = {
  kind: string;
  body: BodyInit | null;
  authorization?: string | null;
  contentType?: string | null;
  /** Acceptable statuses; the field the message must name, when there is one. */
  expect: number[];
  field?: string;
};

const json = (value: unknown) => JSON.stringify(value);
const valid = () => ({
  topupId: fresh.id,
  ref: fresh.ref,
  customerRef: 'order-1',
  customerPrice: 500,
});

const GENERATORS: Record<string, (rng: Rng) => Case> = {
  badToken: (rng) => ({
    kind: 'badToken',
    // The best-formed body there is: a real, unregistered top-up. Without a token it stays so.
    body: json(valid()),
    authorization: badAuthorization(rng, tokens),
    expect: [401],
  }),
  contentType: (rng) => ({
    kind: 'contentType',
    body: json(valid()),
    contentType: pick(rng, BAD_CONTENT_TYPES),
    expect: [415],
  }),
  notJson: (rng) => ({ kind: 'notJson', body: notJson(rng), expect: [400] }),
  nonObject: (rng) => ({ kind: 'nonObject', body: pick(rng, NON_OBJECTS), expect: [400] }),
  missingTopupId: (rng) => {
    const { topupId: _, ...rest } = valid();
    const body = rng() < 0.3 ? {} : { ...rest, ...(rng() < 0.5 ? { topupId: undefined } : {}) };
    return { kind: 'missingTopupId', body: json(body), expect: [400], field: 'topupId' };
  },
  badTopupId: (rng) => ({
    kind: 'badTopupId',
    body: json({ ...valid(), topupId: badTopupId(rng) }),
    expect: [400],
    field: 'topupId',
  }),
  wrongTypes: (rng) => {
    const field = pick(rng, ['ref', 'customerRef'] as const);
    return {
      kind: 'wrongTypes',
      body: json({ ...valid(), [field]: wrongValue(rng) }),
      expect: [400],
      field,
    };
  },
  badPrice: (rng) => ({
    kind: 'badPrice',
    body: json({ ...valid(), customerPrice: pick(rng, BAD_PRICES) }),
    expect: [400],
    field: 'customerPrice',
  }),
  unknownField: (rng) => {
    const key = rng() < 0.2 ? `x${Math.floor(rng() * 1e6)}` : pick(rng, UNKNOWN_KEYS);
    // Hand-built so `__proto__` is a real key in the JSON text.
    const body = `${json(valid()).slice(0, -1)},${json(key)}:${json(wrongValue(rng))}}`;
    return { kind: 'unknownField', body, expect: [400], field: key };
  },
  tooLarge: (rng) => ({
    kind: 'tooLarge',
    body: json({ ...valid(), customerRef: 'y'.repeat(16_384 + Math.floor(rng() * 50_000)) }),
    expect: [413],
  }),
  // Fragments in free-text fields of an id the upstream never issued: refused, never stored.
  hostileText: (rng) => ({
    kind: 'hostileText',
    body: json({
      topupId: unknownId(rng),
      ref: pick(rng, HOSTILE_STRINGS),
      customerRef: pick(rng, HOSTILE_STRINGS),
    }),
    expect: [400, 422],
  }),
  unknownTopup: (rng) => ({
    kind: 'unknownTopup',
    body: json({ topupId: unknownId(rng), customerPrice: String(Math.floor(rng() * 1e5)) }),
    expect: [422],
    field: 'topupId',
  }),
  // Tries to rewrite what is registered for a top-up we hold.
  overwrite: (rng) => {
    const field = pick(rng, ['ref', 'customerRef', 'customerPrice'] as const);
    const value =
      field === 'customerPrice'
        ? String(1 + Math.floor(rng() * 1e6))
        : `${field}-${Math.floor(rng() * 1e6)}`;
    return {
      kind: 'overwrite',
      body: json({ topupId: held.id, [field]: value }),
      expect: [409],
      field,
    };
  },
  deepNesting: (rng) => {
    const depth = 100 + Math.floor(rng() * 3000);
    return {
      kind: 'deepNesting',
      body: `{"topupId":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      expect: [400],
    };
  },
};

function generate(): Case[] {
  const rng = seededRandom(SEED);
  const kinds = Object.keys(GENERATORS);
  return Array.from({ length: CASES }, (_, i) => {
    // Round-robin first, so every kind is well represented; then random choice.
    const kind = i < kinds.length * 20 ? (kinds[i % kinds.length] as string) : pick(rng, kinds);
    return (GENERATORS[kind] as (rng: Rng) => Case)(rng);
  });
}

describe('1,000 malformed or hostile registrations', () => {
  it('each get a 4xx with a clear JSON message and change no row', async () => {
    const before = await snapshot(t.db);
    const seen = new Map<string, number>();
    const statuses = new Set<number>();
    for (const [index, c] of generate().entries()) {
      const headers: Record<string, string> = {};
      if (c.authorization !== undefined && c.authorization !== null)
        headers.authorization = c.authorization;
      const request = postRequest(c.body, {
        token: c.authorization === undefined ? tokens.valid : null,
        contentType: c.contentType === undefined ? 'application/json' : c.contentType,
        headers,
      });
      const res = await handleRegister(request, { db: t.db, client, now: () => new Date() });
      const label = `case ${index} (${c.kind}, seed ${SEED})`;
      expect(c.expect, label).toContain(res.status);
      expect(res.headers.get('content-type'), label).toMatch(/^application\/json/);
      const body = await res.json();
      expect(ERROR_CODES, label).toContain(body.error);
      expect(typeof body.message, label).toBe('string');
      expect(body.message.length, label).toBeGreaterThan(10);
      expect(body.message, label).not.toMatch(/\n\s+at |Error:|node_modules/);
      if (c.field && res.status !== 422) {
        expect(body.field, label).toBe(c.field);
        expect(body.message, label).toContain(c.field);
      }
      if (res.status === 401) expect(res.headers.get('www-authenticate'), label).toMatch(/^Bearer/);
      seen.set(c.kind, (seen.get(c.kind) ?? 0) + 1);
      statuses.add(res.status);
    }
    expect(await snapshot(t.db)).toEqual(before);
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(CASES);
    for (const kind of Object.keys(GENERATORS))
      expect(seen.get(kind), kind).toBeGreaterThanOrEqual(20);
    expect([...statuses].sort()).toEqual([400, 401, 409, 413, 415, 422]);
  }, 120_000);

  it('still accepts the well-formed registration the hostile ones were built around', async () => {
    const res = await handleRegister(postRequest(json(valid()), { token: tokens.valid }), {
      db: t.db,
      client,
      now: () => new Date(),
    });
    expect(res.status).toBe(201);
  });
});
