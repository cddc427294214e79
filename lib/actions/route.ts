import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { type Actor, recordAudit } from '../audit';
import { type Capability, can } from '../auth/roles';
import { getSessionUser, type SessionUser } from '../auth/session';
import { getDb } from '../db';
import { clientIp } from '../net/client-ip';
import { refuseCrossSite } from '../orders/export-guard';

export type RouteContext = {
  user: SessionUser;
  db: Db;
  url: URL;
  request: Request;
  requestId: string;
};

/** A desk download (a GET that rides on the session cookie); `forbidden` is the 403's message. */
type RouteSpec = {
  name: string;
  capability: Capability;
  forbidden: (role: string) => string;
};

/** What the handler serves, and what its audit row says was taken (the view's filters, a period). */
export type Served = { response: Response; details: Record<string, unknown> };

/**
 * The one way to write a desk route handler, as defineAction is for actions: a cross-site
 * request is refused before anything runs (lib/orders/export-guard.ts), then session → role
 * (a refusal is audited) → the handler → an audit row for what was taken → the response. A route handler is
 * its own public endpoint, so none of these steps may be skipped whatever the page checked.
 */
export function defineRoute(spec: RouteSpec, run: (ctx: RouteContext) => Promise<Served>) {
  return async (request: Request): Promise<Response> => {
    const crossSite = refuseCrossSite(request);
    if (crossSite) return crossSite;
    const user = await getSessionUser();
    if (!user)
      return Response.json(
        { error: 'unauthenticated', message: 'Sign in first.' },
        { status: 401 },
      );
    const db = getDb();
    const url = new URL(request.url);
    const requestId = request.headers.get('x-request-id') ?? randomUUID();
    const actor: Actor = { id: user.id, email: user.email, role: user.role };
    const audit = (outcome: 'ok' | 'denied', details: Record<string, unknown>) =>
      recordAudit(db, {
        actor,
        action: spec.name,
        outcome,
        details,
        requestId,
        ip: clientIp(request.headers),
      });
    if (!can(user.role, spec.capability)) {
      await audit('denied', { reason: 'role', needs: spec.capability });
      return Response.json(
        { error: 'forbidden', message: spec.forbidden(user.role) },
        { status: 403 },
      );
    }
    const { response, details } = await run({ user, db, url, request, requestId });
    await audit('ok', details);
    return response;
  };
}

/** Headers for a CSV download that no cache keeps. */
export function csvHeaders(filename: string): HeadersInit {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  };
}
