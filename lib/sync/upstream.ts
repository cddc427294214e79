import 'server-only';
import { getDb } from '../../db';
import { getConfig } from '../config';
import { log } from '../log';
import { createOneClickClient, type OneClickClient } from '../oneclick';
import { writeState } from './app-state';
import { createLimiter } from './limiter';
import { type CallMetrics, createCallMetrics } from './metrics';

// One upstream client per process: every caller (worker, "check now", track, ingest, refund)
// shares its rate and concurrency cap, its credentials circuit and its call metrics.

export const LAST_SUCCESS_KEY = 'upstream.last_success';

type Upstream = { client: OneClickClient; metrics: CallMetrics; sandbox: boolean };
const holder = globalThis as unknown as { __flexyUpstream?: Upstream };

export function getUpstream(): Upstream {
  if (holder.__flexyUpstream) return holder.__flexyUpstream;
  const config = getConfig();
  if (!config.ONECLICK_API_KEY) {
    throw new Error(
      'ONECLICK_API_KEY is not set: start the desk with `npm start` to use the local sandbox.',
    );
  }
  const limit = createLimiter({
    rps: config.UPSTREAM_MAX_RPS,
    concurrency: config.UPSTREAM_MAX_CONCURRENCY,
  });
  const metrics = createCallMetrics();
  const client = createOneClickClient({
    apiKey: config.ONECLICK_API_KEY,
    baseUrl: config.ONECLICK_BASE_URL,
    timeoutMs: config.ONECLICK_TIMEOUT_MS,
    fetch: (input, init) => limit(() => fetch(input, init)),
    onCall: (info) => {
      metrics.record(info);
      log.debug({ upstream: info }, 'upstream call');
    },
  });
  // Web-only instances make upstream calls too ("check now", ingest): flush from every process.
  let reported: Date | null = null;
  const flush = setInterval(async () => {
    try {
      await metrics.flush(getDb());
      const last = metrics.lastSuccessAt();
      if (last && last !== reported) {
        await writeState(getDb(), LAST_SUCCESS_KEY, last.toISOString());
        reported = last;
      }
    } catch (error) {
      log.warn({ err: error }, 'could not save upstream call metrics');
    }
  }, 5_000);
  flush.unref();
  holder.__flexyUpstream = { client, metrics, sandbox: config.ONECLICK_SANDBOX === '1' };
  return holder.__flexyUpstream;
}
