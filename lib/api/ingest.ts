import type { Db } from '../../db/client';
import { dropQueued, queuedRegistration, refTakenElsewhere } from '../../db/queries/ingest';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError, type OneClickErrorKind } from '../oneclick/errors';
import { observe } from '../sync/observe';
import { findConflict } from './conflicts';
import { enqueue, registerHeld } from './ingest-store';
import type { IngestInput } from './input';
import { type ApiReply, errorReply } from './responses';
import type { ApiToken } from './tokens';
import { queuedByIdOrRef, viewByIdOrRef, viewByTopupId } from './view';

// The ingest API's rules (POST /api/v1/topups and GET /api/v1/topups/{idOrRef}), free of
// Next.js so they can be tested against a real database and the emulator. The route handlers
// authenticate, read the body and pass the parsed input here.

export type IngestDeps = {
  db: Db;
  client: Pick<OneClickClient, 'checkId'>;
  /** Read after each upstream call, so an observation carries the time it was made. */
  now: () => Date;
};

/** The upstream answered that it has no such top-up: nothing to register. */
const UNKNOWN_KINDS: ReadonlySet<OneClickErrorKind> = new Set(['not_found', 'validation']);

const registering = (topupId: string): ApiReply => ({
  status: 202,
  body: { status: 'registering', topupId },
  headers: { location: location(topupId), 'retry-after': '30' },
});

export function location(topupId: string) {
  return `/api/v1/topups/${encodeURIComponent(topupId)}`;
}

export async function registerTopup(
  deps: IngestDeps,
  token: ApiToken,
  input: IngestInput,
): Promise<ApiReply> {
  const { db, client } = deps;
  const topupId = input.topupId;

  const held = await registerHeld(db, token, input, deps.now());
  if (held.kind === 'conflict') return conflictReply(held.conflict);
  if (held.kind === 'ok') return { status: 200, body: held.view };

  const queued = await queuedRegistration(db, topupId);
  const queuedConflict = queued && findConflict(topupId, queued, input, { refKnown: false });
  if (queuedConflict) return conflictReply(queuedConflict);
  const ref = input.ref ?? queued?.ref ?? undefined;
  if (ref !== undefined) {
    const owner = await refTakenElsewhere(db, topupId, ref);
    if (owner) {
      return errorReply(
        409,
        'conflict',
        `ref ${JSON.stringify(ref)} is already used by top-up ${owner}.`,
        {
          field: 'ref',
        },
      );
    }
  }

  let answer: Awaited<ReturnType<typeof client.checkId>>;
  try {
    answer = await client.checkId(topupId);
    if (answer.data._id !== topupId) return queueReply(deps, token, input);
  } catch (error) {
    if (!isOneClickError(error)) throw error;
    if (UNKNOWN_KINDS.has(error.kind)) {
      return errorReply(
        422,
        'unknown_topup',
        `topupId ${topupId} is not known upstream: register a top-up after /mobile/send accepted it.`,
        { field: 'topupId' },
      );
    }
    return queueReply(deps, token, input);
  }

  const upstream = answer.data;
  if (ref !== undefined && upstream.ref !== ref) {
    return errorReply(
      422,
      'ref_mismatch',
      `ref does not match: the upstream holds top-up ${topupId} under ${upstream.ref ? `ref ${JSON.stringify(upstream.ref)}` : 'no ref'}.`,
      { field: 'ref' },
    );
  }
  const result = await observe(db, {
    topup: upstream,
    source: 'ingest',
    actor: { name: `token:${token.name}` },
    requestId: answer.requestId ?? null,
    now: deps.now(),
    customer: {
      customerRef: input.customerRef ?? queued?.customerRef ?? null,
      customerPrice: input.customerPrice ?? queued?.customerPrice ?? null,
    },
  });
  // observe() is idempotent, so deleting after it is safe: a crash in between only leaves a
  // queue row the worker will confirm again and drop.
  if (queued) await dropQueued(db, topupId);
  const view = await viewByTopupId(db, topupId);
  return result.created
    ? { status: 201, body: view, headers: { location: location(topupId) } }
    : { status: 200, body: view };
}

async function queueReply(deps: IngestDeps, token: ApiToken, input: IngestInput) {
  const conflict = await enqueue(deps.db, token, input, deps.now());
  return conflict ? conflictReply(conflict) : registering(input.topupId);
}

function conflictReply(conflict: { field: string; message: string }) {
  return errorReply(409, 'conflict', conflict.message, { field: conflict.field });
}

/** GET by upstream id or ref: our view, "still registering", or 404. */
export async function readTopup(db: Db, key: string): Promise<ApiReply> {
  const view = await viewByIdOrRef(db, key);
  if (view) return { status: 200, body: view };
  const queued = await queuedByIdOrRef(db, key);
  if (queued) return registering(queued.topupId);
  return errorReply(
    404,
    'not_found',
    `No top-up with id or ref ${JSON.stringify(key)} is registered.`,
  );
}
