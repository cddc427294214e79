// `npm run db:migrate`: applies pending migrations as the owner (MIGRATION_DATABASE_URL, else
// DATABASE_URL, else the embedded database), then gives the runtime role its rights.
import { migrateAndGrant, resolveDatabase } from '../lib/runtime/database';

const db = await resolveDatabase();
try {
  await migrateAndGrant(
    { migrationUrl: db.url, runtimeUrl: db.runtimeUrl },
    {
      managedPassword: db.managedPassword,
      warn: (line) => process.stderr.write(`warning: ${line}\n`),
    },
  );
  process.stdout.write('migrations applied\n');
} catch (error) {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
} finally {
  await db.stop();
}
process.exit(process.exitCode ?? 0);
