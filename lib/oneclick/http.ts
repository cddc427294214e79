import { OneClickError } from './errors';
import type { RawResponse } from './response';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type HttpRequest = {
  fetch: FetchLike;
  url: string;
  method: 'GET' | 'POST';
  apiKey: string;
  body?: unknown;
  timeoutMs: number;
  signal?: AbortSignal;
};

/**
 * One HTTP exchange, body included, under one deadline: a server that sends headers and then
 * stalls must time out too. Transport failures become `network` / `timeout`; any HTTP answer
 * is returned as-is for the envelope reader.
 */
export async function exchange(req: HttpRequest): Promise<RawResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs);
  const onCallerAbort = () => controller.abort();
  req.signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const headers: Record<string, string> = {
      'X-Access-Token': req.apiKey,
      Accept: 'application/json',
    };
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await req.fetch(req.url, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: controller.signal,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (timedOut) {
      throw new OneClickError({
        kind: 'timeout',
        message: `no complete answer within ${req.timeoutMs} ms`,
        cause: error,
      });
    }
    const reason = error instanceof Error ? (error.cause ?? error) : error;
    const detail = reason instanceof Error ? reason.message : String(reason);
    throw new OneClickError({
      kind: 'network',
      message: req.signal?.aborted ? 'request aborted by caller' : `network error: ${detail}`,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onCallerAbort);
  }
}
