import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../db/migrate';
import { ensureDatabase, startEmbeddedPostgres } from '../lib/runtime/embedded-postgres';

const TEMPLATE = 'flexy_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

/**
 * One real Postgres for the whole run: `DATABASE_URL`'s server when set, otherwise an
 * embedded one under the system temp dir. Migrations are applied once to a template database;
 * each test file clones it (lib/test/db.ts), so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  let adminUrl: string;
  let stop = async () => {};
  if (external) {
    const url = new URL(external);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'flexy-test-pg-'));
    const pg = await startEmbeddedPostgres({ dataDir, ephemeral: true, port: 0 });
    adminUrl = pg.url.replace(/\/flexy$/, '/postgres');
    stop = pg.stop;
  }
  await ensureDatabase(adminUrl, TEMPLATE);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE}`;
  await runMigrations(templateUrl.toString());
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', TEMPLATE);
  return stop;
}
