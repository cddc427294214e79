// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { runMigrations } from '../db/migrate';
import { resolveDatabase } from '../lib/runtime/database';

const db = await resolveDatabase();
try {
  await runMigrations(db.url);
  process.stdout.write('migrations applied\n');
} catch (error) {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
} finally {
  await db.stop();
}
process.exit(process.exitCode ?? 0);
