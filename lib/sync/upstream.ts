import 'server-only';
import { hostname } from 'node:os';
import type { Db } from '../../db/client';
import { getConfig } from '../config';
import { getDb } from '../db';
import { log } from '../log';
import { createOneClickClient, type OneClickClient } from '../oneclick';
import { createCredentialsGate, keyFingerprint, readStanding, type Standing } from './credentials';
import { createLimiter, type Lane } from './limiter';
import { type CallMetrics, createCallMetrics } from './metrics';

// One upstream client per process: every caller (worker, "check now", track, ingest, refund)
// shares its rate and concurrency cap, its credentials circuit and its call metrics.

type Upstream = {
  /** For calls a person (or the shop's API client) waits on: served first. */
  client: OneClickClient;
  /** The same client for the background engine: it gets the slots no one is waiting for. */
  background: OneClickClient;
  metrics: CallMetrics;
  sandbox: boolean;
};
const holder = globalThis as unknown as { __flexyUpstream?: Upstream };

export function getUpstream(): Upstream {
  if (holder.__flexyUpstream) return holder.__flexyUpstream;
  const config = getConfig();
  const apiKey = config.ONECLICK_API_KEY;
  if (!apiKey) {
    throw new Error(
      'ONECLICK_API_KEY is not set: start the desk with `npm start` to use the local sandbox.',
    );
  }
  const limit = createLimiter({
    rps: config.UPSTREAM_MAX_RPS,
    concurrency: config.UPSTREAM_MAX_CONCURRENCY,
  });
  const metrics = createCallMetrics();
  // The key's standing lives in Postgres: every instance, and every restart, sees the same.
  const gate = createCredentialsGate({
    db: getDb(),
    apiKey,
    holder: `${hostname()}:${process.pid}`,
    probeMs: config.ONECLICK_TIMEOUT_MS + 5_000,
  });
  const clientFor = (lane: Lane) =>
    createOneClickClient({
      gate,
      apiKey,
      baseUrl: config.ONECLICK_BASE_URL,
      timeoutMs: config.ONECLICK_TIMEOUT_MS,
      fetch: (input, init) => limit(() => fetch(input, init), lane),
      onCall: (info) => {
        metrics.record(info);
        log.debug({ upstream: info }, 'upstream call');
      },
    });
  const client = clientFor('interactive');
  // Web-only instances make upstream calls too ("check now", ingest): flush from every process.
  const flush = setInterval(async () => {
    try {
      await metrics.publish(getDb());
    } catch (error) {
      log.warn({ err: error }, 'could not save upstream call metrics');
    }
  }, 5_000);
  flush.unref();
  holder.__flexyUpstream = {
    client,
    background: clientFor('background'),
    metrics,
    sandbox: config.ONECLICK_SANDBOX === '1',
  };
  return holder.__flexyUpstream;
}

/** The configured key's standing (refused, blocked…) for the banner and Sync health. */
export async function currentStanding(db: Db): Promise<Standing | null> {
  const apiKey = getConfig().ONECLICK_API_KEY;
  return apiKey ? readStanding(db, keyFingerprint(apiKey)) : null;
}
