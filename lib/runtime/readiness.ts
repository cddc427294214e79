import type { Db } from '../../db/client';
import { appliedMigrationCount } from '../../db/queries/migrations';
import { isDraining } from './lifecycle.js';

// Readiness: send this instance traffic only when its database answers, every migration its
// code expects is applied (an instance started before an upgrade finished migrating is not
// ready), and it is not draining (SIGTERM received: it finishes what it holds, then exits).

export type Readiness =
  | { ready: true; migrations: number }
  | { ready: false; reason: 'draining' | 'database' | 'migrations'; detail?: string };

export async function readiness(db: Db, expectedMigrations: number): Promise<Readiness> {
  if (isDraining()) return { ready: false, reason: 'draining' };
  let applied: number;
  try {
    applied = await appliedMigrationCount(db);
  } catch {
    return { ready: false, reason: 'database' };
  }
  if (applied < expectedMigrations)
    return {
      ready: false,
      reason: 'migrations',
      detail: `${applied} of ${expectedMigrations} applied`,
    };
  return { ready: true, migrations: applied };
}
