import { listOrders } from '@/db/queries/orders-list';
import { csvHeaders, defineRoute } from '@/lib/actions/route';
import { getT } from '@/lib/i18n/server';
import { csvLine } from '@/lib/orders/csv';
import { withoutCursor } from '@/lib/orders/filter-query';
import { orderQuery, parseOrderFilters } from '@/lib/orders/filters';

const HEADER = [
  'topup_id',
  'ref',
  'status',
  'phone',
  'operator',
  'plan_code',
  'amount_dzd',
  'source',
  'created_at_utc',
  'status_changed_at_utc',
];
const LOCAL_HEADER = [
  'csv.topupId',
  'csv.ref',
  'csv.status',
  'csv.phone',
  'csv.operator',
  'csv.plan',
  'csv.amount',
  'csv.source',
  'csv.createdAt',
  'csv.changedAt',
] as const;
const BATCH = 2000;

/**
 * The filtered view as CSV, streamed batch by batch through the same keyset query as the
 * page: no row cap and constant memory, whether the view holds ten rows or a million.
 */
export const GET = defineRoute(
  {
    name: 'orders.export',
    capability: 'export',
    forbidden: (role) => `Your role (${role}) may not export orders.`,
  },
  async ({ db, url }) => {
    const { filters } = parseOrderFilters(Object.fromEntries(url.searchParams));
    const view = orderQuery(withoutCursor(filters));
    const local = url.searchParams.get('headers') === 'local';
    const t = await getT();
    const encoder = new TextEncoder();
    let cursor: string | undefined;
    let started = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          // A byte-order mark so spreadsheet programs read the Arabic text as UTF-8.
          // Machine-readable column names by default; the person's language with ?headers=local.
          const header = local ? LOCAL_HEADER.map((k) => t(k)) : HEADER;
          controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
          return;
        }
        const page = await listOrders(db, { ...view, after: cursor }, BATCH);
        const text = page.rows
          .map((r) =>
            csvLine([
              r.topupId,
              r.ref,
              r.status,
              r.msisdn,
              r.operator,
              r.planCode,
              r.topupAmount,
              r.source,
              r.upstreamCreatedAt.toISOString(),
              r.statusChangedAt.toISOString(),
            ]),
          )
          .join('');
        if (text) controller.enqueue(encoder.encode(text));
        if (!page.next) controller.close();
        else cursor = page.next;
      },
    });
    const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
    return {
      response: new Response(stream, { headers: csvHeaders(`orders-${stamp}.csv`) }),
      details: { query: url.search },
    };
  },
);
