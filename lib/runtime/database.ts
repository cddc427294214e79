import { dataDir, readLiveRuntime } from './data-dir';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * The database a command-line tool should use: DATABASE_URL when set; else the embedded
 * Postgres of a running `npm start`; else the embedded Postgres started just for this command.
 */
export async function resolveDatabase(log: (line: string) => void = () => {}) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dir = dataDir();
  const live = readLiveRuntime(dir);
  if (live) return { url: live.databaseUrl, stop: async () => {} };
  const pg = await startEmbeddedPostgres({ dataDir: dir, log });
  return { url: pg.url, stop: pg.stop };
}
