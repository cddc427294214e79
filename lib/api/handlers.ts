import type { Logger } from '../log';
import { readJsonBody } from './body';
import { type IngestDeps, readTopup, registerTopup } from './ingest';
import { parseIngestBody, parseLookupKey } from './input';
import { type ApiReply, errorReply, toResponse } from './responses';
import { type ApiToken, authenticateToken } from './tokens';

// The HTTP side of /api/v1/topups, with its dependencies passed in. app/api/v1/** only wires
// getDb()/getUpstream() to these, so tests can drive the whole request path without Next.

type HandlerDeps = IngestDeps & { log?: Pick<Logger, 'warn' | 'error'> };

const CHALLENGE = 'Bearer realm="flexy-desk", error="invalid_token"';

/** The token check comes first: proxy.ts lets /api/v1/* through, so this is the only guard. */
export async function withToken(
  request: Request,
  deps: HandlerDeps,
  run: (token: ApiToken) => Promise<ApiReply>,
): Promise<Response> {
  const requestId = request.headers.get('x-request-id') ?? undefined;
  try {
    const check = await authenticateToken(
      deps.db,
      request.headers.get('authorization'),
      deps.now(),
    );
    if (!check.ok) {
      deps.log?.warn({ requestId, reason: check.reason }, 'api: token refused');
      const message =
        check.reason === 'missing'
          ? 'Send an API token in the header "Authorization: Bearer <token>"; an admin creates tokens in the desk.'
          : 'The API token is not valid or has been revoked.';
      return toResponse(
        errorReply(401, 'unauthorized', message, { headers: { 'www-authenticate': CHALLENGE } }),
      );
    }
    return toResponse(await run(check.token));
  } catch (error) {
    // Never a stack to the caller; the request id ties the log line to what they saw.
    deps.log?.error({ err: error, requestId }, 'api: request failed');
    const ref = requestId ? ` Quote request id ${requestId}.` : '';
    return toResponse(
      errorReply(
        500,
        'internal_error',
        `The request could not be completed; try again later.${ref}`,
      ),
    );
  }
}

export function handleRegister(request: Request, deps: HandlerDeps): Promise<Response> {
  return withToken(request, deps, async (token) => {
    const body = await readJsonBody(request);
    if (!body.ok) return body.reply;
    const input = parseIngestBody(body.value);
    if (!input.ok) return input.reply;
    return registerTopup(deps, token, input.value);
  });
}

export function handleRead(request: Request, key: string, deps: HandlerDeps): Promise<Response> {
  return withToken(request, deps, async () => {
    const parsed = parseLookupKey(key);
    if (!parsed.ok) return parsed.reply;
    return readTopup(deps.db, parsed.value);
  });
}
