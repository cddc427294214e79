import { type ApiAnswer, type ApiError, notFound, validationError } from './envelope';
import { type TopupView, topupView } from './flows';
import { centsToNumber } from './money';
import { inRange, paginate, parsePaging } from './paging';
import { plansResponse } from './plans';
import { handleSend, type SendContext } from './send';
import type { LedgerRow } from './state';

export type OperatorStatus = Record<
  'mobilis' | 'ooredoo' | 'djezzy' | 'mobilisFixedPlans',
  'up' | 'down'
>;

export type RouteContext = SendContext & {
  operators: OperatorStatus;
  /** How a top-up object goes over HTTP (extra fields, garbling); see variants.ts. */
  presentTopup: (view: TopupView) => unknown;
};

export type RouteRequest = {
  method: string;
  /** Path under /v3, e.g. `/mobile/check-id/abc`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  token?: string;
};

export type RouteAnswer = ApiAnswer & { topupId?: string; ref?: string };

/** Paths anyone may call; the docs call ping without a token. */
export const PUBLIC_PATHS = new Set(['/ping']);

function segment(raw: string, field: string): string | ApiError {
  try {
    return decodeURIComponent(raw);
  } catch {
    return validationError(field, raw, `params/${field} is not a valid URL segment`);
  }
}

function transactionView(row: LedgerRow) {
  return {
    _id: row.id,
    type: row.type,
    // Not described upstream; the sandbox says which way the money moved.
    operation: row.type === 'FLEXY' ? 'debit' : 'credit',
    amount: centsToNumber(row.amountCents),
    oldBalance: centsToNumber(row.oldCents),
    newBalance: centsToNumber(row.newCents),
    ...(row.objid ? { objid: row.objid } : {}),
    note: row.note,
    time: new Date(row.time).toISOString(),
  };
}

export function route(req: RouteRequest, ctx: RouteContext): RouteAnswer {
  const { state } = ctx;
  const now = ctx.clock.now();
  const key = `${req.method} ${req.path}`;
  if (key === 'GET /ping') return { data: { api: 'ok', operators: ctx.operators } };
  if (key === 'GET /validate') {
    return {
      data: {
        username: ctx.username,
        apiKey: {
          key: req.token,
          isEnabled: true,
          type: 'SANDBOX',
          allowedips: [],
          scope: 'READ-WRITE',
        },
      },
    };
  }
  if (key === 'GET /account/balance') {
    return { data: { balance: centsToNumber(state.balanceCents), currency: 'DZD' } };
  }
  if (key === 'GET /mobile/plans') return { data: plansResponse() };
  if (key === 'POST /mobile/send') return handleSend(req.body, ctx);
  if (key === 'GET /account/transactions' || key === 'GET /mobile/list') {
    const paging = parsePaging(req.query);
    if ('code' in paging) return paging;
    if (key === 'GET /mobile/list') {
      const items = state.newestFirst().filter((t) => inRange(t.createdAt, paging));
      const page = paginate(items, paging);
      const present = (t: (typeof items)[number]) => ctx.presentTopup(topupView(t, now));
      return { data: { ...page, items: page.items.map(present) } };
    }
    const rows = state.ledger
      .filter((row) => inRange(row.time, paging))
      .reverse()
      .sort((a, b) => b.time - a.time);
    const page = paginate(rows, paging);
    return { data: { ...page, items: page.items.map(transactionView) } };
  }
  const lookup = /^\/mobile\/check-(id|ref)\/([^/]+)$/.exec(req.path);
  if (req.method === 'GET' && lookup?.[1] && lookup[2]) {
    const byId = lookup[1] === 'id';
    const value = segment(lookup[2], byId ? 'id' : 'ref');
    if (typeof value !== 'string') return value;
    const record = byId ? state.get(value) : state.byRef(value);
    if (!record) {
      return notFound(`Top-up with ${byId ? 'id' : 'reference'} '${value}' not found`);
    }
    return { data: ctx.presentTopup(topupView(record, now)), topupId: record.id, ref: record.ref };
  }
  return notFound(`Route ${req.method}:/v3${req.path} not found`);
}
