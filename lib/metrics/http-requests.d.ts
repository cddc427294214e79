import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Histogram } from 'prom-client';

// Types of http-requests.js (plain JavaScript, loaded by scripts/serve.mjs without a compiler).

export type RouteGroup = 'static' | 'action' | 'shop_api' | 'probe' | 'api' | 'page';
export type HttpLabel = 'method' | 'group' | 'status_class';

export function httpRequestDuration(): Histogram<HttpLabel>;
export function routeGroup(
  url: string,
  headers: Record<string, string | string[] | undefined>,
): RouteGroup;
export function statusClass(status: number): string;
export function methodLabel(method: string | undefined): string;
export function observeRequest(req: IncomingMessage, res: ServerResponse): void;
