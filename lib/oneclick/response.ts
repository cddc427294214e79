import type { z } from 'zod';
import { OneClickError, type OneClickErrorKind } from './errors';
import { parseRetryAfter } from './retry';
import { describeIssues, errorEnvelopeSchema, type Meta, successEnvelopeSchema } from './schemas';

export type RawResponse = { status: number; headers: Headers; text: string };
export type Envelope = { data: unknown; meta?: Meta; requestId?: string };

const CODE_KINDS: Record<string, OneClickErrorKind> = {
  MISSING_ACCESS_TOKEN: 'auth',
  INVALID_ACCESS_TOKEN: 'auth',
  ERR_AUTH: 'auth',
  IP_BLOCKED: 'ip_blocked',
  INSUFFICIENT_BALANCE: 'insufficient_balance',
  NO_BALANCE: 'insufficient_balance',
  DUPLICATED_REF: 'duplicate_ref',
  ERR_VALIDATION: 'validation',
  INVALID_PHONE: 'validation',
  NOT_FOUND: 'not_found',
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A short, single-line excerpt of a body that is not the contract, for the error message. */
function excerpt(text: string) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
}

/** Turns an HTTP answer into the envelope's parts, or throws the classified error. */
export function readEnvelope(res: RawResponse, nowMs: number): Envelope {
  const json = parseJson(res.text);
  const ok = res.status >= 200 && res.status < 300;
  if (ok && json !== undefined) {
    const parsed = successEnvelopeSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    if ((json as { success?: unknown } | null)?.success !== false) {
      throw new OneClickError({
        kind: 'malformed',
        httpStatus: res.status,
        message: `response is not a OneClick envelope (HTTP ${res.status})`,
      });
    }
  }
  throw classifyFailure(res, json, nowMs);
}

function classifyFailure(res: RawResponse, json: unknown, nowMs: number): OneClickError {
  const { status } = res;
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), nowMs);
  const envelope = json === undefined ? undefined : errorEnvelopeSchema.safeParse(json).data;
  if (!envelope) {
    // An HTML page or cut-off JSON says nothing about the request, except through the status
    // line when it is one a gateway sends on its own (429, 5xx): those stay retryable.
    const kind: OneClickErrorKind =
      status === 429 ? 'rate_limited' : status >= 500 ? 'server' : 'malformed';
    return new OneClickError({
      kind,
      httpStatus: status,
      retryAfterMs,
      message: `HTTP ${status} with a body that is not the OneClick contract: "${excerpt(res.text)}"`,
    });
  }
  const code = envelope.error?.code;
  const details = envelope.error?.details;
  const message = envelope.error?.message ?? envelope.message ?? `HTTP ${status}`;
  const requestId = envelope.requestId ?? envelope.meta?.requestId;
  const kind = (code && CODE_KINDS[code]) || kindFromStatus(status, envelope.success === false);
  return new OneClickError({
    kind,
    httpStatus: status,
    code,
    message,
    requestId,
    details,
    retryAfterMs,
    attemptsLeft: typeof details?.attemptsLeft === 'number' ? details.attemptsLeft : undefined,
    field: typeof details?.field === 'string' ? details.field : undefined,
    value: details?.value,
  });
}

function kindFromStatus(status: number, declaredFailure: boolean): OneClickErrorKind {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  // 403 without a known code: IP not whitelisted or a READ-ONLY key. Both mean "this key
  // cannot do this from here", which is an auth problem, not something to retry.
  if (status === 401 || status === 403) return 'auth';
  // A 404 that is not a OneClick error envelope is most likely a wrong base URL; calling it
  // not_found would let a caller conclude an order does not exist.
  if (status === 404) return declaredFailure ? 'not_found' : 'malformed';
  if (status >= 400) return 'validation';
  // A 2xx with `success: false` and no code: the upstream failed without saying how.
  return 'server';
}

/** Parses `data` with an endpoint schema; a mismatch is a typed `malformed`, never a crash. */
export function parseData<T extends z.ZodType>(
  schema: T,
  envelope: Envelope,
  httpStatus: number,
): z.output<T> {
  const parsed = schema.safeParse(envelope.data);
  if (parsed.success) return parsed.data;
  throw new OneClickError({
    kind: 'malformed',
    httpStatus,
    requestId: envelope.requestId ?? envelope.meta?.requestId,
    message: `unexpected response data: ${describeIssues(parsed.error)}`,
  });
}
