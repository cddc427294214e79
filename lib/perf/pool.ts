import type pg from 'pg';
import { recordSpan, tableOf, timingStore } from './server-timing';

type Query = (...args: unknown[]) => unknown;

/**
 * Times every statement run while a request is timed, grouped by the table it touches
 * (`db-topups`, `db-refunds`…): `pool.query` (what most reads use) and the queries of a client
 * checked out for a transaction. Only promise-style calls are timed, at the caller, so a
 * statement is counted once (pool.query's own callback call on its client is not) and belongs
 * to the request that asked for it. Outside a timed request it costs one lookup.
 */
export function timePoolQueries(pool: pg.Pool) {
  timeQueries(pool as unknown as { query: Query });
  pool.on('connect', (client) => timeQueries(client as unknown as { query: Query }));
}

function timeQueries(target: { query: Query }) {
  const query = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    const result = query(...args);
    if (!(result instanceof Promise) || !timingStore.getStore()) return result;
    const start = performance.now();
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '');
    const done = () => recordSpan(`db-${tableOf(text)}`, start);
    result.then(done, done);
    return result;
  };
}
