import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/roles';
import { getSessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { refuseCrossSite } from '@/lib/orders/export-guard';
import { parseRange, rangeQuery } from '@/lib/reconcile/days';
import { getUpstream } from '@/lib/sync/upstream';
import { loadReconciliation } from '../load';
import { reconciliationCsv } from './csv';

/**
 * The reconciliation of a period and ledger day as CSV. A route handler is its own endpoint:
 * it checks the session and the role itself, and audits both the export and a refusal.
 */
export async function GET(request: Request) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const user = await getSessionUser();
  if (!user)
    return Response.json({ error: 'unauthenticated', message: 'Sign in first.' }, { status: 401 });
  const db = getDb();
  const now = new Date();
  const url = new URL(request.url);
  const range = parseRange(Object.fromEntries(url.searchParams), now);
  const actor = { id: user.id, email: user.email, role: user.role };
  const requestId = request.headers.get('x-request-id');
  if (!can(user.role, 'reconcile')) {
    await recordAudit(db, {
      actor,
      action: 'reconcile.export',
      outcome: 'denied',
      details: { reason: 'role', needs: 'reconcile' },
      requestId,
    });
    return Response.json(
      {
        error: 'forbidden',
        message: `Your role (${user.role}) may not export the reconciliation.`,
      },
      { status: 403 },
    );
  }
  await recordAudit(db, {
    actor,
    action: 'reconcile.export',
    outcome: 'ok',
    details: { query: rangeQuery(range) },
    requestId,
  });
  const data = await loadReconciliation(db, range, now, () => getUpstream().client);
  // A byte-order mark so spreadsheet programs read the file as UTF-8.
  const body = `\uFEFF${reconciliationCsv(data)}`;
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="reconciliation-${range.from}-to-${range.to}-ledger-${range.day}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
