import type { Db, Tx } from '../../db/client';
import type { EventKind, EventSource, TopupStatus } from '../../db/enums';
import { namedAsLinked } from '../../db/queries/chain';
import {
  applyObservation,
  applyUnchanged,
  insertFirstSeen,
  insertFirstSeenMany,
  insertTopupEvent,
  insertTopupEvents,
  type LockedTopup,
  lastEventOf,
  lockByUpstreamId,
  type NewTopup,
  type NewTopupEvent,
  recordCheckFailure,
  storedStatuses,
} from '../../db/queries/topup-status';
import type { Topup as UpstreamTopup } from '../oneclick/schemas';
import { normalizeMsisdn, operatorOf } from '../phone';
import { relink } from './chain';
import { changedDetails, type Details, detailsOf } from './details';
import { nextCheck } from './schedule';
import { type Decision, decide, isFinal } from './transitions';

// The one writer of what the upstream says about a top-up. Every way in (list sync, poller,
// "check now", track, ingest) calls `observe`; the status change, the row's own times and
// the event row are written in one transaction, following lib/sync/transitions.ts.

export type Actor = { userId?: string | null; name: string };

export type Observation = {
  topup: UpstreamTopup;
  source: EventSource;
  actor: Actor;
  requestId?: string | null;
  now: Date;
  /** Set when a list poll made this observation: how long until a list poll sees it again. */
  listCoverMs?: number | null;
  /** Learned time-to-final checkpoints (lib/sync/ttf.ts). */
  checkpointsMs?: readonly number[];
  /** A check a person asked for: record it in the timeline even when nothing changed. */
  recordUnchanged?: boolean;
  /** From the merchant's shop (ingest API). */
  customer?: { customerRef?: string | null; customerPrice?: string | null };
};

export type ObserveResult = {
  topupPk: number;
  created: boolean;
  decision: Decision['kind'] | 'created';
  status: TopupStatus;
  /** The timeline event this observation wrote, if it wrote one. */
  eventId: number | null;
};

const FIRST_SEEN_FINAL_WINDOW_MS = 10 * 60_000;

export async function observe(db: Db, obs: Observation): Promise<ObserveResult> {
  return db.transaction(async (tx) => {
    const existing = await lockByUpstreamId(tx, obs.topup._id);
    if (existing) return update(tx, existing, obs);
    const inserted = await insert(tx, obs);
    // Another transaction inserted it between our select and insert: apply on top of theirs.
    if (!inserted) {
      const row = await lockByUpstreamId(tx, obs.topup._id);
      if (!row) throw new Error(`top-up ${obs.topup._id} vanished while being recorded`);
      return update(tx, row, obs);
    }
    return inserted;
  });
}

/** The row of an order seen for the first time, as every way in writes it. */
function firstSeenRow(obs: Observation): NewTopup {
  const t = obs.topup;
  const created = new Date(t.created_at);
  const msisdn = normalizeMsisdn(t.MSSIDN) ?? t.MSSIDN;
  const final = isFinal(t.status);
  const schedule = nextCheck(
    { status: t.status, upstreamCreatedAt: created, unknownErrorAt: obs.now },
    obs.now,
    obs,
  );
  return {
    topupId: t._id,
    ref: t.ref ?? null,
    status: t.status,
    planCode: t.plan_code,
    operator: operatorOf(t.plan_code, msisdn),
    msisdn,
    topupAmount: t.topup_amount,
    ...detailsOf(t),
    upstreamCreatedAt: created,
    customerRef: obs.customer?.customerRef ?? null,
    customerPrice: obs.customer?.customerPrice ?? null,
    source: obs.source,
    firstSeenAt: obs.now,
    statusChangedAt: obs.now,
    // A final status first seen long after creation (backfill): when it settled is unknown.
    finalizedAt:
      final && obs.now.getTime() - created.getTime() < FIRST_SEEN_FINAL_WINDOW_MS ? obs.now : null,
    unknownErrorAt: t.status === 'UNKNOWN_ERROR' ? obs.now : null,
    lastCheckedAt: obs.now,
    nextCheckAt: schedule.at,
    stuck: schedule.stuck,
    checkCount: 1,
  };
}

/** A new order may be someone's retry, or name its own: tie the chain both ways. */
function relinkNew(tx: Tx, id: number, obs: Observation) {
  const t = obs.topup;
  return relink(tx, { id, topupId: t._id, ...pickLinks(detailsOf(t)) }, obs.now);
}

async function insert(tx: Tx, obs: Observation): Promise<ObserveResult | null> {
  const t = obs.topup;
  const row = await insertFirstSeen(tx, firstSeenRow(obs));
  if (!row) return null;
  const eventId = await event(tx, row.id, obs, 'created', null, t.status);
  await relinkNew(tx, row.id, obs);
  return { topupPk: row.id, created: true, decision: 'created', status: t.status, eventId };
}

/**
 * Orders we do not hold yet, a list page at a time (a backfill reads thousands): each row and
 * its `created` event exactly as `observe` writes them, all in one transaction and a few
 * statements. Returns the items another writer stored meanwhile: `observe` them one by one.
 */
export async function observeFirstSeen(
  db: Db,
  topups: readonly UpstreamTopup[],
  obs: Omit<Observation, 'topup' | 'customer' | 'recordUnchanged'>,
): Promise<{ created: number; taken: UpstreamTopup[] }> {
  if (topups.length === 0) return { created: 0, taken: [] };
  return db.transaction(async (tx) => {
    const each = topups.map((topup) => ({ ...obs, topup }));
    const rows = await insertFirstSeenMany(tx, each.map(firstSeenRow));
    const pks = new Map(rows.map((r) => [r.topupId, r.id]));
    const created = each.flatMap((o) => {
      const id = pks.get(o.topup._id);
      return id === undefined ? [] : [{ id, obs: o }];
    });
    await insertTopupEvents(
      tx,
      created.map(({ id, obs: o }) => eventRow(id, o, 'created', null, o.topup.status)),
    );
    // Chains are rare: only orders that name linked ones, or that a held order names.
    const named = await namedAsLinked(tx, [...pks.keys()]);
    for (const { id, obs: o } of created)
      if (o.topup.retry_orderid || o.topup.follow_orderid || named.has(o.topup._id))
        await relinkNew(tx, id, o);
    return { created: created.length, taken: topups.filter((t) => !pks.has(t._id)) };
  });
}

async function update(tx: Tx, row: LockedTopup, obs: Observation): Promise<ObserveResult> {
  const t = obs.topup;
  const decision = decide(row.status, t.status);
  const moves = decision.kind === 'advance' || decision.kind === 'final_change';
  const status = moves ? t.status : row.status;
  const unknownErrorAt =
    moves && status === 'UNKNOWN_ERROR' ? (row.unknownErrorAt ?? obs.now) : row.unknownErrorAt;
  const schedule = nextCheck(
    { status, upstreamCreatedAt: row.upstreamCreatedAt, unknownErrorAt },
    obs.now,
    obs,
  );
  const fresh = detailsOf(t, row);
  const changed = changedDetails(row, fresh);
  const detailsChanged = decision.kind === 'same' && changed.length > 0;

  await applyObservation(tx, {
    topupPk: row.id,
    changes: {
      ...(moves || detailsChanged ? fresh : {}),
      ...(moves ? { status, statusChangedAt: obs.now, unknownErrorAt } : {}),
      ...(moves && isFinal(status) && !row.finalizedAt ? { finalizedAt: obs.now } : {}),
      ...(decision.kind === 'final_change' ? { needsReview: true } : {}),
      ...(obs.customer ? customerFields(obs.customer) : {}),
    },
    now: obs.now,
    nextCheckAt: schedule.at,
    stuck: schedule.stuck,
  });

  let eventId: number | null = null;
  if (decision.kind === 'advance')
    eventId = await event(tx, row.id, obs, 'status_changed', row.status, status);
  else if (decision.kind === 'final_change')
    eventId = await event(
      tx,
      row.id,
      obs,
      'anomaly',
      row.status,
      status,
      'Changed between final statuses: applied and flagged for finance.',
    );
  else if (decision.kind === 'regression' && !(await sameAnomalyRecorded(tx, row.id, t.status)))
    eventId = await event(
      tx,
      row.id,
      obs,
      'anomaly',
      row.status,
      t.status,
      `Upstream reported ${t.status} after ${row.status}: not applied.`,
    );
  else if (detailsChanged)
    eventId = await event(
      tx,
      row.id,
      obs,
      'details_changed',
      row.status,
      row.status,
      `Changed upstream: ${changed.join(', ')}.`,
    );
  else if (obs.recordUnchanged)
    eventId = await event(tx, row.id, obs, 'checked', row.status, row.status);
  const linkChanged = changed.includes('retryOrderId') || changed.includes('followOrderId');
  if (
    (moves && (row.parentPk !== null || fresh.retryOrderId || fresh.followOrderId)) ||
    linkChanged
  )
    await relink(tx, { id: row.id, topupId: t._id, ...pickLinks(fresh) }, obs.now);
  return { topupPk: row.id, created: false, decision: decision.kind, status, eventId };
}

const pickLinks = (d: Details) => ({
  retryOrderId: d.retryOrderId,
  followOrderId: d.followOrderId,
});

function customerFields(customer: NonNullable<Observation['customer']>) {
  return {
    ...(customer.customerRef ? { customerRef: customer.customerRef } : {}),
    ...(customer.customerPrice ? { customerPrice: customer.customerPrice } : {}),
  };
}

/** A regression seen again on every list poll is recorded once, not every few seconds. */
async function sameAnomalyRecorded(tx: Tx, topupPk: number, observed: TopupStatus) {
  const last = await lastEventOf(tx, topupPk);
  return last?.kind === 'anomaly' && last.to === observed;
}

function eventRow(
  topupPk: number,
  obs: Observation,
  kind: EventKind,
  from: TopupStatus | null,
  to: TopupStatus,
  message?: string,
): NewTopupEvent {
  return {
    topupPk,
    kind,
    fromStatus: from,
    toStatus: to,
    source: obs.source,
    actorUserId: obs.actor.userId ?? null,
    actor: obs.actor.name,
    requestId: obs.requestId ?? null,
    message: message ?? null,
    payload: obs.topup,
    createdAt: obs.now,
  };
}

async function event(
  tx: Tx,
  topupPk: number,
  obs: Observation,
  kind: EventKind,
  from: TopupStatus | null,
  to: TopupStatus,
  message?: string,
): Promise<number> {
  const id = await insertTopupEvent(tx, eventRow(topupPk, obs, kind, from, to, message));
  if (id === undefined) throw new Error(`no event written for top-up ${topupPk}`);
  return id;
}

/**
 * Records an upstream answer that could not be used (network, garbled body, not found):
 * an error event on the order and a backed-off next check; the status stays as it was.
 */
export async function recordCheckError(
  db: Db,
  input: {
    topupPk: number;
    source: EventSource;
    actor: Actor;
    now: Date;
    message: string;
    requestId?: string | null;
    payload?: unknown;
    nextCheckAt: Date | null;
  },
) {
  await db.transaction(async (tx) => {
    await recordCheckFailure(tx, {
      topupPk: input.topupPk,
      now: input.now,
      message: input.message,
      nextCheckAt: input.nextCheckAt,
    });
    await insertTopupEvent(tx, {
      topupPk: input.topupPk,
      kind: 'check_error',
      source: input.source,
      actorUserId: input.actor.userId ?? null,
      actor: input.actor.name,
      requestId: input.requestId ?? null,
      message: input.message,
      payload: input.payload ?? null,
      createdAt: input.now,
    });
  });
}

export type Stored = Details & {
  id: number;
  status: TopupStatus;
  upstreamCreatedAt: Date;
  unknownErrorAt: Date | null;
};

/**
 * Orders an answer showed exactly as we hold them (same status, same details): what `observe`
 * writes for each (no event; the check counted and the next one scheduled), in one statement
 * for a whole list page. One that another writer moved since it was read is left to it.
 */
export async function observeUnchanged(
  db: Db,
  input: {
    rows: readonly Stored[];
    now: Date;
    listCoverMs?: number | null;
    checkpointsMs?: readonly number[];
  },
) {
  await applyUnchanged(db, {
    now: input.now,
    rows: input.rows.map((row) => {
      const schedule = nextCheck(row, input.now, input);
      return { id: row.id, status: row.status, nextCheckAt: schedule.at, stuck: schedule.stuck };
    }),
  });
}

/** What we hold for these upstream ids, to skip list items that change nothing. */
export async function storedRows(db: Db, topupIds: string[]): Promise<Map<string, Stored>> {
  if (topupIds.length === 0) return new Map();
  const rows = await storedStatuses(db, topupIds);
  return new Map(rows.map(({ topupId, ...row }) => [topupId, row]));
}
