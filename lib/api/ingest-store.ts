import type { Db } from '../../db/client';
import {
  fillCustomerFields,
  lockHeldTopup,
  upsertQueuedRegistration,
} from '../../db/queries/ingest';
import { recordAudit, SYSTEM_ACTOR } from '../audit';
import { type Conflict, fillsFor, findConflict } from './conflicts';
import type { IngestInput } from './input';
import type { ApiToken } from './tokens';

// What the ingest API decides about the writes it makes itself; their SQL, and why it only
// fills fields and queues registrations, is in db/queries/ingest.ts.

export type HeldOutcome =
  | { kind: 'absent' }
  | { kind: 'conflict'; conflict: Conflict }
  | { kind: 'ok' };

/** A repeat registration of a top-up we hold: compare under a row lock, fill empty fields. */
export async function registerHeld(
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
    const { ref: _upstreamOwnsRef, ...fills } = fillsFor(held, input);
    if (Object.keys(fills).length === 0) return { kind: 'ok' };
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
    return { kind: 'ok' };
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
