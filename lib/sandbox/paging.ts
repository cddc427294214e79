import { type ApiError, validationError } from './envelope';

export type Paging = { page: number; pageSize: number; from?: number; to?: number };

function positiveInt(query: URLSearchParams, name: string, fallback: number, max?: number) {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) return validationError(name, raw, `querystring/${name} must be integer`);
  const value = Number(raw);
  if (value < 1) return validationError(name, raw, `querystring/${name} must be >= 1`);
  if (max !== undefined && value > max) {
    return validationError(name, raw, `querystring/${name} must be <= ${max}`);
  }
  return value;
}

/** `page` ≥ 1 (default 1), `pageSize` 1..100 (default 20), `from` and `to` only together. */
export function parsePaging(query: URLSearchParams): Paging | ApiError {
  const page = positiveInt(query, 'page', 1);
  if (typeof page !== 'number') return page;
  const pageSize = positiveInt(query, 'pageSize', 20, 100);
  if (typeof pageSize !== 'number') return pageSize;
  const from = query.get('from');
  const to = query.get('to');
  if ((from === null) !== (to === null)) {
    const missing = from === null ? 'from' : 'to';
    return validationError(
      missing,
      null,
      'querystring/from and querystring/to must be sent together',
    );
  }
  if (from === null || to === null) return { page, pageSize };
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  if (Number.isNaN(fromMs))
    return validationError('from', from, 'querystring/from must match format "date-time"');
  if (Number.isNaN(toMs))
    return validationError('to', to, 'querystring/to must match format "date-time"');
  return { page, pageSize, from: fromMs, to: toMs };
}

export function inRange(time: number, paging: Paging) {
  return (
    (paging.from === undefined || time >= paging.from) &&
    (paging.to === undefined || time <= paging.to)
  );
}

export function paginate<T>(items: readonly T[], { page, pageSize }: Paging) {
  const start = (page - 1) * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    pagination: {
      page,
      pageSize,
      totalPages: Math.ceil(items.length / pageSize),
      totalResults: items.length,
    },
  };
}
