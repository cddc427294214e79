import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { E2E } from './e2e/support/env';

// End-to-end tests drive a real Chromium against the production build started exactly as
// `npm start` starts it, on a fresh embedded database and the sandbox emulator.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `No Chromium at ${chromium}. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium/Chrome binary.`,
  );
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: E2E.baseUrl,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // A fresh data folder each run; the launcher builds only if the sources changed.
    command: `rm -rf '${E2E.dataDir}' && exec node_modules/.bin/tsx scripts/start.ts`,
    url: `${E2E.baseUrl}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATA_DIR: E2E.dataDir,
      PORT: String(E2E.port),
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      // The e2e desk always runs against the sandbox, with no background noise.
      ONECLICK_API_KEY: '',
      SANDBOX_TRAFFIC: '0',
      // No generated history either: each spec places the orders it reads.
      SANDBOX_HISTORY_DAYS: '0',
    },
  },
});
