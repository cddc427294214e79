import 'server-only';
import { getApiDb } from '../db';
import { log } from '../log';
import { getUpstream } from '../sync/upstream';

/** The API's database pool and the upstream client, as the route handlers pass them on. */
export function apiDeps() {
  return {
    db: getApiDb(),
    // Lazily: a bad token must be refused even when the upstream is not configured.
    client: { checkId: (id: string) => getUpstream().client.checkId(id) },
    now: () => new Date(),
    log,
  };
}
