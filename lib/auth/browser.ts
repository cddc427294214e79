// Signing in and out from the browser: the two calls of next-auth's own client, written
// against its HTTP endpoints (/api/auth/csrf, /callback/credentials, /signout) so pages do not
// ship next-auth/react and its runtime helpers (~9 KB compressed on every desk page) for them.
// The server side (lib/auth/options.ts) is next-auth itself, unchanged.

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

async function csrfToken(): Promise<string> {
  const response = await fetch('/api/auth/csrf', { cache: 'no-store' });
  const body = (await response.json()) as { csrfToken?: unknown };
  if (typeof body.csrfToken !== 'string') throw new Error('no CSRF token from /api/auth/csrf');
  return body.csrfToken;
}

async function post(path: string, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: 'true' });
  return fetch(path, { method: 'POST', headers: FORM, body });
}

export type SignInResult = { ok: boolean; error: string | null };

/**
 * Checks the credentials (and the second-factor code) without leaving the page. `error` is the
 * reason next-auth puts in its answer's URL (`locked`, `second_factor`, …), null on success.
 */
export async function signInWithCredentials(fields: Record<string, string>): Promise<SignInResult> {
  try {
    const response = await post('/api/auth/callback/credentials', {
      ...fields,
      callbackUrl: window.location.href,
    });
    const { url } = (await response.json()) as { url?: string };
    const error = url ? new URL(url, window.location.origin).searchParams.get('error') : 'invalid';
    return { ok: response.ok && !error, error };
  } catch {
    return { ok: false, error: 'unavailable' };
  }
}

/** Ends the session on the server (which revokes it), then opens `callbackUrl`. */
export async function signOutTo(callbackUrl: string): Promise<void> {
  const response = await post('/api/auth/signout', { callbackUrl });
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  window.location.assign(url ?? callbackUrl);
}
