import { isIP } from 'node:net';
import { getConfig } from '../config';

// Who is calling, for audit rows, sessions and throttles. X-Forwarded-For is written by
// whoever sent the request, so only the entries our own proxies appended can be believed:
// with TRUST_PROXY_HOPS = N, the client is the Nth entry from the right. With 0 (the default)
// no forwarded header is believed; Next.js gives the app no socket address, so the IP is
// unknown (null) rather than whatever the client claims.

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** The client IP per the configured TRUST_PROXY_HOPS: every place that reads an IP uses this. */
export function clientIp(headers: HeaderSource): string | null {
  return clientIpFrom(headers, getConfig().TRUST_PROXY_HOPS);
}

export function clientIpFrom(headers: HeaderSource, trustedHops: number): string | null {
  if (trustedHops < 1) return null;
  const raw =
    headers instanceof Headers ? headers.get('x-forwarded-for') : headers['x-forwarded-for'];
  if (!raw) return null;
  const entries = (Array.isArray(raw) ? raw.join(',') : raw).split(',').map((e) => e.trim());
  const entry = entries[entries.length - trustedHops];
  return entry === undefined ? null : plainIp(entry);
}

/** An address as proxies write it (`1.2.3.4`, `1.2.3.4:5678`, `[::1]:443`, `::1`), or null. */
function plainIp(entry: string): string | null {
  if (isIP(entry)) return entry;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry)?.[1];
  if (bracketed && isIP(bracketed) === 6) return bracketed;
  const withPort = /^([\d.]+):\d+$/.exec(entry)?.[1];
  if (withPort && isIP(withPort) === 4) return withPort;
  return null;
}
