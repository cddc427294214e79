import type { z } from 'zod';
import { OneClickError } from './errors';
import type { Operation } from './request';
import type { Envelope } from './response';

export type PageParams = {
  page?: number;
  pageSize?: number;
  from?: string | Date;
  to?: string | Date;
};

export function getOp<S extends z.ZodType>(
  name: string,
  path: string,
  schema: S,
  prepare?: Operation<S>['prepare'],
): Operation<S> {
  return { name, method: 'GET', path, schema, prepare };
}

/** A URL-encoded path segment; an empty one would silently hit a different route. */
export function pathParam(name: string, value: string) {
  if (typeof value !== 'string' || value === '') {
    throw new OneClickError({
      kind: 'validation',
      field: name,
      value,
      message: `${name} is required`,
    });
  }
  return encodeURIComponent(value);
}

/** Query for list-style endpoints; the docs require `from` and `to` together. */
export function pageQuery({ page, pageSize, from, to }: PageParams) {
  if ((from === undefined) !== (to === undefined)) {
    throw new OneClickError({
      kind: 'validation',
      field: from === undefined ? 'from' : 'to',
      message: 'from and to must be sent together',
    });
  }
  const query = new URLSearchParams();
  if (page !== undefined) query.set('page', String(page));
  if (pageSize !== undefined) query.set('pageSize', String(pageSize));
  if (from !== undefined) query.set('from', from instanceof Date ? from.toISOString() : from);
  if (to !== undefined) query.set('to', to instanceof Date ? to.toISOString() : to);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The response-format page puts pagination in `meta`; the list page puts it in `data`. */
export function withMetaPagination(envelope: Envelope) {
  const data = envelope.data;
  if (!data || typeof data !== 'object' || 'pagination' in data) return data;
  const pagination = envelope.meta?.pagination;
  return pagination ? { ...data, pagination } : data;
}
