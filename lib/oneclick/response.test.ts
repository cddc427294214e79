import { describe, expect, it } from 'vitest';
import { readEnvelope } from './response';

const NOW = Date.UTC(2025, 9, 29, 12, 0, 0);

function classify(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  try {
    readEnvelope({ status, headers: new Headers(headers), text }, NOW);
  } catch (error) {
    return error as import('./errors').OneClickError;
  }
  throw new Error('expected a failure');
}

const fail = (code: string, message: string, details?: object) => ({
  success: false,
  error: { code, message, details },
  requestId: 'req_1_x',
});

describe('error classification', () => {
  it('reads an invalid key with the attempts left', () => {
    const error = classify(401, fail('INVALID_ACCESS_TOKEN', 'Invalid', { attemptsLeft: 3 }));
    expect(error).toMatchObject({
      kind: 'auth',
      attemptsLeft: 3,
      httpStatus: 401,
      requestId: 'req_1_x',
    });
  });

  it.each([
    [400, 'MISSING_ACCESS_TOKEN', 'auth'],
    [401, 'ERR_AUTH', 'auth'],
    [403, 'IP_BLOCKED', 'ip_blocked'],
    [403, 'INSUFFICIENT_BALANCE', 'insufficient_balance'],
    [403, 'NO_BALANCE', 'insufficient_balance'],
    [403, 'DUPLICATED_REF', 'duplicate_ref'],
    [404, 'NOT_FOUND', 'not_found'],
    [500, 'INTERNAL_ERROR', 'server'],
    [503, 'SERVICE_UNAVAILABLE', 'server'],
    [429, 'TOO_MANY_REQUESTS', 'rate_limited'],
  ])('HTTP %i %s is %s', (status, code, kind) => {
    expect(classify(status, fail(code, 'x')).kind).toBe(kind);
  });

  it('reads a validation error with its field and value', () => {
    const error = classify(
      400,
      fail('ERR_VALIDATION', 'body/MSSIDN must match pattern "^0[567][0-9]{8}$"', {
        field: 'MSSIDN',
        value: '778037340',
      }),
    );
    expect(error).toMatchObject({ kind: 'validation', field: 'MSSIDN', value: '778037340' });
    expect(error.message).toContain('must match pattern');
  });

  it('reads the bare-message shape with the requestId in meta (OCPay SDK style)', () => {
    const error = classify(404, {
      success: false,
      message: 'Payment not found',
      meta: { requestId: 'req_9_m' },
    });
    expect(error).toMatchObject({
      kind: 'not_found',
      message: 'Payment not found',
      requestId: 'req_9_m',
    });
  });

  it('calls a 2xx answer with success:false an error, classified by its code', () => {
    expect(classify(200, fail('DUPLICATED_REF', 'in use')).kind).toBe('duplicate_ref');
  });

  it('treats an HTML page or cut-off JSON as malformed', () => {
    expect(classify(200, '<html><body>Maintenance</body></html>').kind).toBe('malformed');
    expect(classify(200, '{"success":true,"data":{"_id":"69').kind).toBe('malformed');
    expect(classify(200, { ok: 1 }).kind).toBe('malformed');
  });

  it('keeps a gateway HTML page on 502/429 retryable rather than malformed', () => {
    expect(classify(502, '<html>Bad Gateway</html>').kind).toBe('server');
    expect(classify(429, '<html>slow down</html>').kind).toBe('rate_limited');
  });

  it('does not report "not found" for a 404 that is not a OneClick answer (wrong base URL)', () => {
    expect(classify(404, '<html>Not Found</html>').kind).toBe('malformed');
    expect(classify(404, { message: 'Route GET:/v3/x not found', statusCode: 404 }).kind).toBe(
      'malformed',
    );
  });

  it('reads Retry-After in seconds and as an HTTP date', () => {
    expect(classify(429, fail('X', 'x'), { 'Retry-After': '7' }).retryAfterMs).toBe(7000);
    const date = new Date(NOW + 30_000).toUTCString();
    expect(classify(503, fail('X', 'x'), { 'Retry-After': date }).retryAfterMs).toBe(30_000);
  });
});

describe('tolerance in error bodies', () => {
  it('keeps the code and message when details has an unexpected shape', () => {
    const error = classify(403, {
      success: false,
      error: { code: 'DUPLICATED_REF', message: 'in use', details: ['x'] },
    });
    expect(error).toMatchObject({ kind: 'duplicate_ref', message: 'in use', details: undefined });
  });
});
