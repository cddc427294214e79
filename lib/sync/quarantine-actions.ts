import type { Db } from '../../db/client';
import { openQuarantined } from '../../db/queries/quarantine';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError } from '../oneclick/errors';
import { describeIssues, topupSchema } from '../oneclick/schemas';
import { type Actor, observe } from './observe';

// What a person can do with an item set aside: retry it (ask OneClick again, or read the stored
// item with today's contract) or dismiss it. The caller writes the audit row in the same
// transaction as the state change (`settle`).

export type RetryOutcome =
  | { kind: 'applied'; topupPk: number }
  | { kind: 'still_bad'; error: string }
  | { kind: 'gone' };

export async function retryQuarantined(
  deps: { db: Db; client: Pick<OneClickClient, 'checkId'>; now: () => Date },
  id: number,
  actor: Actor,
): Promise<RetryOutcome> {
  const row = await openQuarantined(deps.db, id);
  if (!row) return { kind: 'gone' };
  let topup: ReturnType<typeof topupSchema.parse>;
  let requestId: string | undefined;
  if (row.topupId) {
    try {
      const res = await deps.client.checkId(row.topupId);
      topup = res.data;
      requestId = res.requestId;
    } catch (error) {
      return {
        kind: 'still_bad',
        error: isOneClickError(error) ? `${error.kind}: ${error.message}` : String(error),
      };
    }
  } else {
    const parsed = topupSchema.safeParse(row.raw);
    if (!parsed.success) return { kind: 'still_bad', error: describeIssues(parsed.error, 'item') };
    topup = parsed.data;
  }
  const observed = await observe(deps.db, {
    topup,
    source: 'manual',
    actor,
    requestId,
    now: deps.now(),
    recordUnchanged: true,
  });
  return { kind: 'applied', topupPk: observed.topupPk };
}

// Closing an item (in the caller's audited transaction) and noting a failed retry are single
// statements: the actions call settleQuarantined and noteQuarantinedStillBad in
// db/queries/quarantine.ts themselves.
