import type { Logger } from '../log';
import { type BodyLimits, readJsonBody } from './body';
import { type IngestDeps, readTopup, registerTopup } from './ingest';
import { parseIngestBody, parseLookupKey } from './input';
import { type ApiReply, errorReply, toResponse } from './responses';
import { type ApiScope, SCOPE_OPERATIONS } from './scopes';
import { type ApiToken, authenticateToken } from './tokens';

// The HTTP side of /api/v1/topups, with its dependencies passed in. app/api/v1/** only wires
// getDb()/getUpstream() to these, so tests can drive the whole request path without Next.

export type HandlerDeps = IngestDeps & {
  log?: Pick<Logger, 'warn' | 'error'>;
  /** How long a request body may take to arrive (tests shorten it). */
  bodyTimeoutMs?: number;
};

const REALM = 'Bearer realm="flexy-desk"';
const REQUEST_ID = /^[\w.-]{8,64}$/;

/** The caller's request id when it is a sane one, else ours: it is logged and echoed back. */
function requestIdOf(request: Request): string {
  const incoming = request.headers.get('x-request-id');
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

export function bodyLimits(deps: Pick<HandlerDeps, 'bodyTimeoutMs'>): BodyLimits {
  return { timeoutMs: deps.bodyTimeoutMs };
}

/**
 * The token and its scope come first, before the body is read: proxy.ts does not run for
 * /api/v1/* (so Next does not buffer the body), which makes this the only guard.
 */
export async function withToken(
  request: Request,
  deps: Pick<HandlerDeps, 'db' | 'now' | 'log'>,
  scope: ApiScope,
  run: (token: ApiToken, requestId: string) => Promise<ApiReply>,
): Promise<Response> {
  const requestId = requestIdOf(request);
  const respond = (reply: ApiReply) =>
    toResponse({ ...reply, headers: { ...reply.headers, 'x-request-id': requestId } });
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
      return respond(
        errorReply(401, 'unauthorized', message, {
          headers: { 'www-authenticate': `${REALM}, error="invalid_token"` },
        }),
      );
    }
    if (!check.token.scopes.includes(scope)) {
      deps.log?.warn({ requestId, tokenId: check.token.id, needs: scope }, 'api: scope refused');
      return respond(
        errorReply(
          403,
          'insufficient_scope',
          `This token may not call ${SCOPE_OPERATIONS[scope]}: it needs the "${scope}" scope. An admin can create a token with it in the desk.`,
          {
            headers: {
              'www-authenticate': `${REALM}, error="insufficient_scope", scope="${scope}"`,
            },
          },
        ),
      );
    }
    return respond(await run(check.token, requestId));
  } catch (error) {
    // Never a stack to the caller; the request id ties the log line to what they saw.
    deps.log?.error({ err: error, requestId }, 'api: request failed');
    return respond(
      errorReply(
        500,
        'internal_error',
        `The request could not be completed; try again later. Quote request id ${requestId}.`,
      ),
    );
  }
}

export function handleRegister(request: Request, deps: HandlerDeps): Promise<Response> {
  return withToken(request, deps, 'register', async (token) => {
    const body = await readJsonBody(request, bodyLimits(deps));
    if (!body.ok) return body.reply;
    const input = parseIngestBody(body.value);
    if (!input.ok) return input.reply;
    return registerTopup(deps, token, input.value);
  });
}

export function handleRead(request: Request, key: string, deps: HandlerDeps): Promise<Response> {
  return withToken(request, deps, 'read', async () => {
    const parsed = parseLookupKey(key);
    if (!parsed.ok) return parsed.reply;
    return readTopup(deps.db, parsed.value);
  });
}
