import { runMigrations } from '../../db/migrate';
import { ensureRuntimeRole } from '../../db/roles';
import { dataDir, readLiveRuntime } from './data-dir';
import { startEmbeddedPostgres } from './embedded-postgres';

export type DatabaseUrls = {
  /** The owner of the tables: runs the migrations. */
  migrationUrl: string;
  /** The role the desk runs as. */
  runtimeUrl: string;
};

export const OWNER_RUNS_THE_DESK =
  'MIGRATION_DATABASE_URL is not set: the desk connects as the owner of its tables, so the ' +
  'append-only history (audit_log, topup_events, refund_delivery_attempts) holds only as long ' +
  'as that role does not disable or drop its triggers. Set MIGRATION_DATABASE_URL to the owner ' +
  'and DATABASE_URL to a role that owns nothing; the desk grants it what it needs.';

/**
 * Applies migrations as the owner, then gives the runtime role its rights (db/roles.ts). When
 * both URLs name the same role there is nothing to separate: say what that costs.
 * `managedPassword`: the launcher owns the role's password (embedded database) and keeps it
 * in sync; otherwise an existing role's password is the operator's and is left alone.
 */
export async function migrateAndGrant(
  urls: DatabaseUrls,
  opts: { warn: (line: string) => void; managedPassword?: boolean },
): Promise<void> {
  await runMigrations(urls.migrationUrl);
  const owner = new URL(urls.migrationUrl);
  const runtime = new URL(urls.runtimeUrl);
  const role = decodeURIComponent(runtime.username);
  if (!role || role === decodeURIComponent(owner.username)) {
    opts.warn(OWNER_RUNS_THE_DESK);
    return;
  }
  const password = decodeURIComponent(runtime.password) || undefined;
  try {
    const warnings = await ensureRuntimeRole(urls.migrationUrl, {
      role,
      password,
      passwordOnCreate: !opts.managedPassword,
    });
    for (const warning of warnings) opts.warn(warning);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Could not give the runtime role '${role}' (DATABASE_URL) its rights as the owner ` +
        `(MIGRATION_DATABASE_URL): ${why}`,
    );
  }
}

/**
 * The database a command-line tool should use, as the owner: MIGRATION_DATABASE_URL or
 * DATABASE_URL when set; else the embedded Postgres of a running `npm start`; else the
 * embedded Postgres started just for this command. `runtimeUrl` is the desk's own role.
 */
export async function resolveDatabase(log: (line: string) => void = () => {}) {
  const noop = async () => {};
  const { DATABASE_URL, MIGRATION_DATABASE_URL } = process.env;
  if (DATABASE_URL)
    return {
      url: MIGRATION_DATABASE_URL || DATABASE_URL,
      runtimeUrl: DATABASE_URL,
      managedPassword: false,
      stop: noop,
    };
  const dir = dataDir();
  const live = readLiveRuntime(dir);
  if (live)
    return {
      url: live.migrationDatabaseUrl ?? live.databaseUrl,
      runtimeUrl: live.databaseUrl,
      managedPassword: false,
      stop: noop,
    };
  const pg = await startEmbeddedPostgres({ dataDir: dir, log });
  return { url: pg.url, runtimeUrl: pg.runtime.url, managedPassword: true, stop: pg.stop };
}
