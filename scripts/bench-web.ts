// `npm run bench:web`: what a person's browser pays for each desk page. It starts the desk as
// `npm start` does (fresh data folder, sandbox upstream), signs in as each role in a real
// Chromium, then opens every page that role may open in a cold browser context (empty cache,
// signed-in cookies only) and prints the compressed JavaScript the page downloaded, its
// largest contentful paint and when its document was interactive.
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { Role } from '../db/enums';
import { DESK_ROUTES, jsBudgetKb } from '../e2e/support/budgets';
import { spawnLauncher, stopLauncher } from './bench-server';
import { printTable, quantile, runBench } from './bench-util';

const PORT = Number(process.env.BENCH_WEB_PORT ?? 3395);
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = path.join(os.tmpdir(), `flexy-bench-web-${PORT}`);
// The e2e helpers (sign-in, staff, orders) read these when they are first imported.
process.env.E2E_PORT = String(PORT);
process.env.E2E_DATA_DIR = DATA_DIR;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROLES: Role[] = ['support', 'finance', 'manager', 'admin'];
const say = (line: string) => process.stdout.write(`${line}\n`);

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the desk did not start in time');
}

type Measure = {
  role: Role;
  route: string;
  jsKb: number;
  scripts: number;
  lcpMs: number;
  readyMs: number;
};

async function main() {
  const server = spawnLauncher({
    dataDir: DATA_DIR,
    port: PORT,
    env: { SANDBOX_TRAFFIC: '0', SANDBOX_HISTORY_DAYS: '0' },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  try {
    say('starting the desk (builds if the sources changed)…');
    await waitForHealth(Date.now() + 240_000);
    const { LoginPage } = await import('../e2e/pages/login-page');
    const { createStaff } = await import('../e2e/support/db');
    const { placeOrder } = await import('../e2e/support/upstream');
    const order = await placeOrder('0778037340', { amount: 1500 });

    const measures: Measure[] = [];
    for (const role of ROLES) {
      const staff = await createStaff(role);
      const login = await browser.newContext({ baseURL: BASE });
      await new LoginPage(await login.newPage()).signInAs(staff);
      const signedIn = await login.storageState();
      await login.close();
      for (const route of DESK_ROUTES) {
        const url = route === 'ORDER' ? `/orders/${order.id}` : route;
        // Cold: a new context has an empty cache; only the session cookie comes along.
        const context = await browser.newContext({ baseURL: BASE, storageState: signedIn });
        const page = await context.newPage();
        const scripts: Promise<number>[] = [];
        page.on('requestfinished', (request) => {
          if (request.resourceType() === 'script')
            scripts.push(request.sizes().then((s) => s.responseBodySize));
        });
        await page.addInitScript(() => {
          const w = window as unknown as { __lcp: number };
          w.__lcp = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) w.__lcp = entry.startTime;
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        });
        await page.goto(url, { waitUntil: 'networkidle' });
        if (new URL(page.url()).pathname.startsWith('/forbidden')) {
          await context.close();
          continue;
        }
        const bytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
        const { lcp, ready } = await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return {
            lcp: (window as unknown as { __lcp: number }).__lcp,
            ready: nav.domContentLoadedEventEnd,
          };
        });
        measures.push({
          role,
          route: route === 'ORDER' ? '/orders/[id]' : route,
          jsKb: bytes / 1024,
          scripts: scripts.length,
          lcpMs: lcp,
          readyMs: ready,
        });
        await context.close();
      }
    }
    printTable(
      ['role', 'page', 'JS KB (compressed)', 'budget KB', 'scripts', 'LCP ms', 'interactive ms'],
      measures.map((m) => [
        m.role,
        m.route,
        m.jsKb.toFixed(1),
        String(jsBudgetKb(m.route)),
        String(m.scripts),
        m.lcpMs.toFixed(0),
        m.readyMs.toFixed(0),
      ]),
      say,
    );
    const maxJs = Math.max(...measures.map((m) => m.jsKb));
    const maxLcp = Math.max(...measures.map((m) => m.lcpMs));
    const p50Lcp = quantile(
      measures.map((m) => m.lcpMs),
      0.5,
    );
    say(`LCP p50 over all pages: ${p50Lcp.toFixed(0)} ms`);
    const over = measures.filter((m) => m.jsKb > jsBudgetKb(m.route));
    say(`pages over their JS budget: ${over.length}`);
    say(`RESULT max_js_kb=${maxJs.toFixed(1)} max_lcp_ms=${maxLcp.toFixed(0)}`);
  } finally {
    await browser.close();
    await stopLauncher(server);
  }
}

runBench('bench:web', main);
