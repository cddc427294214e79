import 'server-only';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { getDb } from '../db';
import { type MetricsDeps, registerDeskMetrics } from './collect';
import { httpRequestDuration } from './http-requests.js';

// The registry GET /api/metrics renders: a dedicated one (not prom-client's global, which any
// dependency could write to), with the desk's figures, this process's request durations and
// the standard process metrics (CPU, memory, event loop, GC; names as Node dashboards expect).

export function createMetricsRegistry(
  deps: MetricsDeps,
  opts: { processMetrics?: boolean } = {},
): Registry {
  const registry = new Registry();
  registerDeskMetrics(registry, deps);
  registry.registerMetric(httpRequestDuration());
  if (opts.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  return registry;
}

// Built once per process, kept on globalThis so a dev reload does not start another set of
// process collectors.
const KEY = Symbol.for('flexy.metrics.registry');
const holder = globalThis as { [KEY]?: Registry };

export function metricsRegistry(): Registry {
  holder[KEY] ??= createMetricsRegistry({ db: getDb, now: () => new Date() });
  return holder[KEY];
}
