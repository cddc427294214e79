import type { Db } from '../../db/client';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError } from '../oneclick/errors';
import type { OneClickResult } from '../oneclick/request';
import type { Topup } from '../oneclick/schemas';
import { type Refused, refused } from '../result';
import { type Actor, type ObserveResult, observe } from './observe';

// "Track a top-up": support pastes what the customer has — our upstream id or their ref — and
// the desk asks the upstream (check-id or check-ref) and stores the order if it is new.

const LOOKS_LIKE_ID = /^[a-f0-9]{24}$/i;

export async function trackTopup(
  deps: { db: Db; client: OneClickClient; now: () => Date },
  query: string,
  actor: Actor,
): Promise<ObserveResult | Refused> {
  const key = query.trim();
  const byId = () => deps.client.checkId(key);
  const byRef = () => deps.client.checkRef(key);
  // An id-shaped value is tried as an id first; a ref may look like anything, so fall back.
  const attempts = LOOKS_LIKE_ID.test(key) ? [byId, byRef] : [byRef];
  let found: OneClickResult<Topup> | null = null;
  for (const attempt of attempts) {
    try {
      found = await attempt();
      break;
    } catch (error) {
      if (isOneClickError(error) && error.kind === 'not_found') continue;
      const kind = isOneClickError(error) ? error.kind : 'network';
      return refused('track.upstreamUnavailable', { params: { reason: kind } });
    }
  }
  if (!found) return refused('track.notFoundUpstream', { field: 'query', params: { query: key } });
  return observe(deps.db, {
    topup: found.data,
    source: 'manual',
    actor,
    requestId: found.requestId,
    now: deps.now(),
  });
}
