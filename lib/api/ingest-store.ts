import type { Db } from '../../db/client';
import {
  fillCustomerFields,
  lockHeldTopup,
  upsertQueuedRegistration,
} from '../../db/queries/ingest';
import { topupByTopupId } from '../../db/queries/lookup';
import { recordAudit, SYSTEM_ACTOR } from '../audit';
import { type Conflict, fillsFor, findConflict, type Registered } from './conflicts';
import type { IngestInput } from './input';
import type { ApiToken } from './tokens';
import { type TopupView, toView, viewByTopupId } from './view';

// What the ingest API decides about the writes it makes itself; their SQL, and why it only
// fills fields and queues registrations, is in db/queries/ingest.ts.

export type HeldOutcome =
  | { kind: 'absent' }
  | { kind: 'conflict'; conflict: Conflict }
  | { kind: 'ok'; view: TopupView };

/**
 * A repeat registration of a top-up we hold. The shop's retries carry the values already held:
 * those are answered from one plain read, since a value once set never changes (only empty
 * fields are filled). Filling an empty field is compared again under a row lock, so two
 * different fills cannot both win.
 */
export async function registerHeld(
  db: Db,
  token: ApiToken,
  input: IngestInput,
  now: Date,
): Promise<HeldOutcome> {
  const row = await topupByTopupId(db, input.topupId);
  if (!row) return { kind: 'absent' };
  const conflict = findConflict(input.topupId, row, input, { refKnown: true });
  if (conflict) return { kind: 'conflict', conflict };
  if (Object.keys(customerFills(row, input)).length === 0) return { kind: 'ok', view: toView(row) };
  return fillHeld(db, token, input, now);
}

// The upstream owns the ref: a held top-up's ref is compared, never filled.
function customerFills(held: Registered, input: IngestInput) {
  const { ref: _upstreamOwnsRef, ...fills } = fillsFor(held, input);
  return fills;
}

async function fillHeld(
  db: Db,
  token: ApiToken,
  input: IngestInput,
  now: Date,
): Promise<HeldOutcome> {
  return db.transaction(async (tx) => {
    const held = await lockHeldTopup(tx, input.topupId);
    if (!held) return { kind: 'absent' };
    const conflict = findConflict(input.topupId, held, input, { refKnown: true });
    if (conflict) return { kind: 'conflict', conflict };
    const fills = customerFills(held, input);
    if (Object.keys(fills).length > 0) {
      await fillCustomerFields(tx, { id: held.id, fills, now });
      // No status changed, so observe() writes no event: the audit log says who set the price.
      await recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'ingest.customer_fields',
        outcome: 'ok',
        targetType: 'topup',
        targetId: input.topupId,
        details: { token: token.name, tokenId: token.id, ...fills },
      });
    }
    const view = await viewByTopupId(tx, input.topupId);
    return view ? { kind: 'ok', view } : { kind: 'absent' };
  });
}

/**
 * Keeps a registration for the worker (lib/sync/ingest-queue.ts). The row is read back and
 * compared, and a conflict is reported instead of a silent merge.
 */
export async function enqueue(
  db: Db,
  token: ApiToken,
  input: IngestInput,
  now: Date,
): Promise<Conflict | null> {
  const row = await upsertQueuedRegistration(db, {
    topupId: input.topupId,
    ref: input.ref ?? null,
    customerRef: input.customerRef ?? null,
    customerPrice: input.customerPrice ?? null,
    tokenId: token.id,
    now,
  });
  return findConflict(input.topupId, row, input, { refKnown: false });
}
