import 'server-only';
import { getDb } from '../db';
import { log } from '../log';
import { getUpstream } from '../sync/upstream';

/** The process-wide database and upstream client, as the route handlers pass them on. */
export function apiDeps() {
  return {
    db: getDb(),
    // Lazily: a bad token must be refused even when the upstream is not configured.
    client: { checkId: (id: string) => getUpstream().client.checkId(id) },
    now: () => new Date(),
    log,
  };
}
