import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { serveMetrics } from '@/lib/metrics/endpoint';
import { metricsRegistry } from '@/lib/metrics/registry';

// GET /api/metrics — the operator's Prometheus scrape. proxy.ts lets it through without a
// session; the METRICS_TOKEN bearer check inside serveMetrics is its guard (404 while unset).
export const dynamic = 'force-dynamic';
// node:crypto, and the process metrics read this Node process.
export const runtime = 'nodejs';

export function GET(request: Request) {
  return serveMetrics(request, {
    token: getConfig().METRICS_TOKEN,
    registry: metricsRegistry,
    log,
  });
}
