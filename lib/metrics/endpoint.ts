import 'server-only';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';
import type { Logger } from '../log';

// GET /api/metrics, with its dependencies passed in (app/api/metrics/route.ts wires them):
// off unless METRICS_TOKEN is set, then only for that bearer token.

export type MetricsEndpointDeps = {
  /** METRICS_TOKEN; unset: the endpoint answers 404. */
  token: string | undefined;
  registry: () => Registry;
  log?: Pick<Logger, 'warn' | 'error'>;
};

const REALM = 'Bearer realm="flexy-desk-metrics"';

function json(status: number, body: { error: string; message: string }, headers = {}) {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/** `Bearer <token>` → the token; null when the header is missing or of another scheme. */
function bearer(header: string | null): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(header?.trim() ?? '')?.[1] ?? null;
}

/**
 * Compared as SHA-256 digests: equal lengths whatever was sent, so timingSafeEqual applies and
 * neither the time nor an early exit says how much of the token was right, or how long it is.
 */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export async function serveMetrics(request: Request, deps: MetricsEndpointDeps) {
  if (!deps.token)
    return json(404, {
      error: 'not_found',
      message:
        'Metrics are off. Set METRICS_TOKEN (at least 24 characters) on the desk and scrape ' +
        '/api/metrics with the header "Authorization: Bearer <METRICS_TOKEN>".',
    });
  const requestId = request.headers.get('x-request-id') ?? randomUUID();
  const given = bearer(request.headers.get('authorization'));
  if (given === null || !sameToken(given, deps.token)) {
    deps.log?.warn({ requestId, reason: given === null ? 'missing' : 'wrong' }, 'metrics: refused');
    return json(
      401,
      {
        error: 'unauthorized',
        message:
          given === null
            ? 'Send the metrics token in the header "Authorization: Bearer <METRICS_TOKEN>".'
            : 'The metrics token is not the one configured (METRICS_TOKEN).',
      },
      { 'www-authenticate': given === null ? REALM : `${REALM}, error="invalid_token"` },
    );
  }
  try {
    const registry = deps.registry();
    return new Response(await registry.metrics(), {
      headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
    });
  } catch (error) {
    // Never a stack to the caller; the request id ties the log line to the failed scrape.
    deps.log?.error({ err: error, requestId }, 'metrics: scrape failed');
    return json(500, {
      error: 'internal_error',
      message: `The metrics could not be read; try again later. Quote request id ${requestId}.`,
    });
  }
}
