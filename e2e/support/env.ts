import os from 'node:os';
import path from 'node:path';

const port = Number(process.env.E2E_PORT ?? 3210);

/** Where the e2e server runs and keeps its data; the same in the runner and its workers. */
export const E2E = {
  port,
  baseUrl: `http://localhost:${port}`,
  dataDir: process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `flexy-e2e-${port}`),
};
