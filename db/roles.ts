import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import pg from 'pg';
import { MIGRATION_LOCK } from './migrate';

// The desk runs as a role that owns nothing. The append-only triggers fire for every role,
// but a table's owner may disable or drop them; a role with row rights only cannot. This sets
// such a role up after migrations, as the owner: rows on every table, only INSERT and SELECT
// on history tables, sequences to number rows, never TRUNCATE, TRIGGER or ownership.

/** History tables (drizzle/0001, 0007). Any table guarded by forbid_history_rewrite counts too. */
const APPEND_ONLY = ['audit_log', 'topup_events', 'refund_delivery_attempts'];
const SCHEMA = 'public';

export type RuntimeRole = {
  role: string;
  /**
   * The role's password. Set on creation; on an existing role too unless `passwordOnCreate`
   * (a role the operator manages keeps the password they gave it).
   */
  password?: string;
  passwordOnCreate?: boolean;
};

/**
 * Creates the runtime role if missing and (re)grants its rights; idempotent, and safe when
 * several instances start together (one transaction under the migration lock). Returns
 * warnings the caller should log; throws if the role could rewrite history anyway.
 */
export async function ensureRuntimeRole(ownerUrl: string, spec: RuntimeRole): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'flexy-desk' });
  await client.connect();
  const role = pg.escapeIdentifier(spec.role);
  const q = async <R extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
    (await client.query<R>(text, values)).rows;
  try {
    await q('begin');
    await q('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const [{ owner, db } = { owner: '', db: '' }] = await q<{ owner: string; db: string }>(
      'select current_user as owner, current_database() as db',
    );
    await createOrUpdateRole(client, spec);
    await assertPowerless(client, spec.role, owner);

    const database = pg.escapeIdentifier(db);
    const [can] = await q<{ connect: boolean; temp: boolean; usage: boolean }>(
      `select has_database_privilege($1, $2, 'CONNECT') as connect,
              has_database_privilege($1, $2, 'TEMP') as temp,
              has_schema_privilege($1, $3, 'USAGE') as usage`,
      [spec.role, db, SCHEMA],
    );
    if (!can?.connect) await q(`grant connect on database ${database} to ${role}`);
    if (!can?.temp) await q(`grant temporary on database ${database} to ${role}`);
    if (!can?.usage) await q(`grant usage on schema ${SCHEMA} to ${role}`);
    await q(`revoke all on all tables in schema ${SCHEMA} from ${role}`);
    await q(`revoke all on all sequences in schema ${SCHEMA} from ${role}`);
    await q(`grant select, insert, update, delete on all tables in schema ${SCHEMA} to ${role}`);
    const history = await appendOnlyTables(client);
    for (const table of history)
      await q(`revoke update, delete on ${pg.escapeIdentifier(table)} from ${role}`);
    await q(`grant usage, select on all sequences in schema ${SCHEMA} to ${role}`);
    // Tables and sequences later migrations create (as this owner) get the same rights.
    await q(
      `alter default privileges in schema ${SCHEMA} grant select, insert, update, delete on tables to ${role}`,
    );
    await q(
      `alter default privileges in schema ${SCHEMA} grant usage, select on sequences to ${role}`,
    );
    // Readiness (/api/health/ready) checks that every migration this code knows is applied:
    // reading the migrator's own bookkeeping, nothing more.
    await q('create schema if not exists drizzle');
    await q(`grant usage on schema drizzle to ${role}`);
    const [bookkeeping] = await q<{ found: boolean }>(
      `select to_regclass('drizzle.__drizzle_migrations') is not null as found`,
    );
    if (bookkeeping?.found) await q(`grant select on drizzle.__drizzle_migrations to ${role}`);
    const warnings = [
      ...(await grantedByOthers(client, spec.role, history)),
      ...(await closeSchemaCreate(client, spec.role)),
    ];
    await q('commit');
    return warnings;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function createOrUpdateRole(client: pg.Client, spec: RuntimeRole) {
  const role = pg.escapeIdentifier(spec.role);
  const password = spec.password ? ` password ${pg.escapeLiteral(verifier(spec.password))}` : '';
  const found = await client.query('select 1 from pg_roles where rolname = $1', [spec.role]);
  if (found.rowCount === 0) {
    // Roles are per cluster: another database's start may create it at the same moment.
    await client.query('savepoint create_role');
    try {
      await client.query(
        `create role ${role} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls${password}`,
      );
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '42710') throw error;
      await client.query('rollback to savepoint create_role');
    }
  }
  if (password && !spec.passwordOnCreate) await client.query(`alter role ${role}${password}`);
}

/** The role must not be able to do what the triggers forbid by going around them. */
async function assertPowerless(client: pg.Client, role: string, owner: string) {
  const problem = `The database role '${role}' cannot be the desk's runtime role`;
  if (role === owner) throw new Error(`${problem}: it is the owner that runs the migrations.`);
  const [attrs] = (
    await client.query<{ super: boolean; bypass: boolean; member: boolean; owns: number }>(
      `select r.rolsuper as super, r.rolbypassrls as bypass,
              pg_has_role(r.oid, (select oid from pg_roles where rolname = $2), 'USAGE') as member,
              (select count(*)::int from pg_class c where c.relowner = r.oid) as owns
       from pg_roles r where r.rolname = $1`,
      [role, owner],
    )
  ).rows;
  if (attrs?.super) throw new Error(`${problem}: it is a superuser.`);
  if (attrs?.bypass) throw new Error(`${problem}: it bypasses row security.`);
  if (attrs?.member) throw new Error(`${problem}: it has the rights of the owner '${owner}'.`);
  if (attrs?.owns) throw new Error(`${problem}: it owns ${attrs.owns} tables or other relations.`);
}

async function appendOnlyTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ table: string }>(
    `select distinct c.relname as table
     from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
     join pg_namespace n on n.oid = c.relnamespace
     where p.proname = 'forbid_history_rewrite' and n.nspname = $1`,
    [SCHEMA],
  );
  const existing = await client.query<{ table: string }>(
    `select relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relname = any($2)`,
    [SCHEMA, APPEND_ONLY],
  );
  return [...new Set([...rows, ...existing.rows].map((r) => r.table))];
}

/** REVOKE only takes back the owner's own grants: say if another grantor left more. */
async function grantedByOthers(client: pg.Client, role: string, history: string[]) {
  const { rows } = await client.query<{ table: string }>(
    `select relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relkind in ('r', 'p')
       and (has_table_privilege($2, c.oid, 'TRUNCATE, TRIGGER, REFERENCES')
         or (c.relname = any($3) and has_table_privilege($2, c.oid, 'UPDATE, DELETE')))`,
    [SCHEMA, role, history],
  );
  if (rows.length === 0) return [];
  return [
    `the runtime role '${role}' still has rights another role granted on ` +
      `${rows.map((r) => r.table).join(', ')} (TRUNCATE, TRIGGER, or UPDATE/DELETE on history); ` +
      'revoke them as that grantor',
  ];
}

/**
 * Before PostgreSQL 15 every role may create objects in `public` (and could then own them, or
 * plant a function or operator the owner's migrations pick up). Closed where the owner may.
 */
async function closeSchemaCreate(client: pg.Client, role: string): Promise<string[]> {
  const can = async () =>
    (
      await client.query<{ create: boolean }>(
        `select has_schema_privilege($1, $2, 'CREATE') as create`,
        [role, SCHEMA],
      )
    ).rows[0]?.create;
  if (!(await can())) return [];
  await client.query('savepoint schema_create');
  try {
    await client.query(`revoke create on schema ${SCHEMA} from public`);
    await client.query(`revoke create on schema ${SCHEMA} from ${pg.escapeIdentifier(role)}`);
  } catch {
    await client.query('rollback to savepoint schema_create');
  }
  if (!(await can())) return [];
  return [
    `the runtime role '${role}' may still create objects in schema ${SCHEMA}: run ` +
      `'REVOKE CREATE ON SCHEMA ${SCHEMA} FROM PUBLIC' as the schema's owner`,
  ];
}

/**
 * A SCRAM-SHA-256 verifier, so the password itself is never in a statement (statement logs).
 * Postgres SASLpreps passwords; for printable ASCII that changes nothing, else send it as is.
 */
function verifier(password: string): string {
  if (!/^[\x21-\x7e]+$/.test(password)) return password;
  const salt = randomBytes(16);
  const iterations = 4096;
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
