import { csvHeaders, defineRoute } from '@/lib/actions/route';
import { reconciliationCsv } from '@/lib/reconcile/csv';
import { parseRange, rangeQuery } from '@/lib/reconcile/days';
import { loadReconciliation } from '@/lib/reconcile/load';
import { getUpstream } from '@/lib/sync/upstream';

/** The reconciliation of a period and ledger day as CSV. */
export const GET = defineRoute(
  {
    name: 'reconcile.export',
    capability: 'reconcile',
    forbidden: (role) => `Your role (${role}) may not export the reconciliation.`,
  },
  async ({ db, url }) => {
    const now = new Date();
    const range = parseRange(Object.fromEntries(url.searchParams), now);
    const data = await loadReconciliation(db, range, now, () => getUpstream().client);
    // A byte-order mark so spreadsheet programs read the file as UTF-8.
    const body = `\uFEFF${reconciliationCsv(data)}`;
    const name = `reconciliation-${range.from}-to-${range.to}-ledger-${range.day}.csv`;
    return {
      response: new Response(body, { headers: csvHeaders(name) }),
      details: { query: rangeQuery(range) },
    };
  },
);
