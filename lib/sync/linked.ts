import type { Db } from '../../db/client';
import { missingLinkedIds, namedButUntied } from '../../db/queries/chain';
import { backoffDelay, POLICIES } from '../backoff';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError } from '../oneclick/errors';
import { tieNamed } from './chain';
import { type Actor, observe } from './observe';

// Retry and follow-up orders are OneClick's own: no shop registers them and they may fall
// outside every list window we read. This duty fetches each one an order names (check-id) so
// the chain is whole before anyone decides a refund; after that the engine keeps them fresh.
// It also ties a held order to the one naming it when both were written at once and each
// missed the other (a list poll inserting a re-send while it was being recorded).

type Deps = { db: Db; client: OneClickClient; now: () => number; workerId: string };

/** Ids whose fetch failed, and when to try again (per process: a restart simply retries). */
const failed = new Map<string, { failures: number; retryAt: number }>();

export async function fetchLinkedOrders(deps: Deps, limit = 10) {
  // First the orders we hold but whose link two writers both missed: tie them now.
  for (const link of await namedButUntied(deps.db, limit))
    await tieNamed(deps.db, link, new Date(deps.now()));
  const actor: Actor = { name: `worker:${deps.workerId}` };
  const ids = (await missingLinkedIds(deps.db, limit + failed.size)).filter(
    (id) => (failed.get(id)?.retryAt ?? 0) <= deps.now(),
  );
  let fetched = 0;
  for (const id of ids.slice(0, limit)) {
    try {
      const res = await deps.client.checkId(id);
      await observe(deps.db, {
        topup: res.data,
        source: 'poll',
        actor,
        requestId: res.requestId,
        now: new Date(deps.now()),
      });
      failed.delete(id);
      fetched++;
    } catch (error) {
      if (isOneClickError(error) && ['credentials_rejected', 'ip_blocked'].includes(error.kind))
        throw error;
      const failures = (failed.get(id)?.failures ?? 0) + 1;
      const retryAfterMs = isOneClickError(error) ? error.retryAfterMs : undefined;
      failed.set(id, {
        failures,
        retryAt: deps.now() + backoffDelay(failures, POLICIES.orderCheck, { retryAfterMs }),
      });
    }
  }
  return fetched;
}
