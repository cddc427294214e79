import { type NextRequest, NextResponse } from 'next/server';
import { readSessionToken, refreshSessionToken, sessionCookieName } from './lib/auth/token';
import { getConfig } from './lib/config';

// The front door: a request id and a nonce-based CSP on every response, and deny by default
// for anonymous visitors. It only checks that a valid session cookie exists; every page,
// action and route handler still checks the user and role itself (lib/auth/session.ts).
// The shop's API (/api/v1/*) is outside the matcher (see `config`); /api/metrics needs no
// session, its handler checks its own token (METRICS_TOKEN).

const PUBLIC = [
  /^\/login\/?$/,
  /^\/api\/auth\//,
  /^\/api\/health(\/live|\/ready)?\/?$/,
  /^\/api\/metrics\/?$/,
];
const REFRESH_AFTER_SECONDS = 60;

export async function proxy(req: NextRequest) {
  const incoming = req.headers.get('x-request-id');
  const requestId = incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(req.headers);
  headers.set('x-request-id', requestId);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);

  const { pathname, search } = req.nextUrl;
  let refreshed: string | null = null;
  if (!PUBLIC.some((re) => re.test(pathname))) {
    const config = getConfig();
    const cookie = req.cookies.get(sessionCookieName())?.value;
    const claims = config.NEXTAUTH_SECRET
      ? await readSessionToken(cookie, {
          secret: config.NEXTAUTH_SECRET,
          maxHours: config.SESSION_MAX_HOURS,
        })
      : null;
    if (!claims) {
      const res = pathname.startsWith('/api/')
        ? NextResponse.json(
            { error: 'unauthenticated', message: 'Sign in first.' },
            { status: 401 },
          )
        : NextResponse.redirect(loginUrl(req, pathname + search, Boolean(cookie)));
      if (cookie) res.cookies.delete(sessionCookieName());
      return withHeaders(res, csp, requestId);
    }
    // Sliding idle timeout: activity re-issues the cookie with a fresh expiry.
    if (
      cookie &&
      Date.now() / 1000 - claims.iat > REFRESH_AFTER_SECONDS &&
      config.NEXTAUTH_SECRET
    ) {
      refreshed = await refreshSessionToken(cookie, {
        secret: config.NEXTAUTH_SECRET,
        idleMinutes: config.SESSION_IDLE_MINUTES,
      });
    }
  }
  const res = NextResponse.next({ request: { headers } });
  if (refreshed) {
    const config = getConfig();
    res.cookies.set(sessionCookieName(), refreshed, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: sessionCookieName().startsWith('__Secure-'),
      maxAge: config.SESSION_IDLE_MINUTES * 60,
    });
  }
  return withHeaders(res, csp, requestId);
}

function loginUrl(req: NextRequest, target: string, hadSession: boolean) {
  const url = new URL('/login', req.url);
  if (target !== '/') url.searchParams.set('callbackUrl', target);
  if (hadSession) url.searchParams.set('reason', 'session');
  return url;
}

function withHeaders(res: NextResponse, csp: string, requestId: string) {
  res.headers.set('content-security-policy', csp);
  res.headers.set('x-request-id', requestId);
  return res;
}

function contentSecurityPolicy(nonce: string) {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Radix and recharts set inline styles on elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const config = {
  // Next buffers the body of every request the proxy runs for (up to 10 MB, before the
  // handler sees a byte). /api/v1/* is bearer-token only and has no use for a session: it
  // skips the proxy, so its handlers check the token, then the size, then stream the body
  // with a cap and a deadline (lib/api/handlers.ts, lib/api/body.ts).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt|api/v1/).*)'],
};
