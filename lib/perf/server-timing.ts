import { AsyncLocalStorage } from 'node:async_hooks';

// Where a request's time goes, for the `Server-Timing` header a person reads in the browser's
// dev tools (Network → Timing): the session check, the database by table, and the rest
// (rendering). The desk's server (scripts/serve.mjs) opens one record per request and writes
// the header when the response starts; this module is how the app's code adds to it.
//
// The store lives on globalThis under a registered symbol: the server and Next's bundles each
// load their own copy of this code, and they must share one store.

export type Span = { name: string; start: number; end: number };
export type TimingRecord = { start: number; spans: Span[] };

const KEY = Symbol.for('flexy.server-timing');
const holder = globalThis as { [KEY]?: AsyncLocalStorage<TimingRecord> };
holder[KEY] ??= new AsyncLocalStorage<TimingRecord>();
export const timingStore: AsyncLocalStorage<TimingRecord> = holder[KEY];

/** Times `work` under `name` when a request is being timed; otherwise just runs it. */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const record = timingStore.getStore();
  if (!record) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    record.spans.push({ name, start, end: performance.now() });
  }
}

/** Records a span measured elsewhere (a database query, timed by the pool). */
export function recordSpan(name: string, start: number, end = performance.now()) {
  timingStore.getStore()?.spans.push({ name, start, end });
}

/** The time covered by the spans, counting overlaps (queries run in parallel) once. */
function covered(spans: Span[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let total = 0;
  let until = Number.NEGATIVE_INFINITY;
  for (const { start, end } of sorted) {
    if (end <= until) continue;
    total += end - Math.max(start, until);
    until = end;
  }
  return total;
}

const ms = (n: number) => n.toFixed(1);

/**
 * The header's value at `now`: each name's summed time (and how many calls), `db` the wall time
 * all queries took together, `render` the rest (rendering, the framework) up to the first byte, `total` the whole.
 */
export function serverTimingHeader(record: TimingRecord, now = performance.now()): string {
  const byName = new Map<string, { dur: number; count: number }>();
  for (const span of record.spans) {
    const entry = byName.get(span.name) ?? { dur: 0, count: 0 };
    entry.dur += span.end - span.start;
    entry.count += 1;
    byName.set(span.name, entry);
  }
  const queries = record.spans.filter((s) => s.name.startsWith('db-'));
  const total = now - record.start;
  const parts = [...byName].map(
    ([name, { dur, count }]) =>
      `${name};dur=${ms(dur)}${count > 1 ? `;desc="${count} calls"` : ''}`,
  );
  if (queries.length) parts.push(`db;dur=${ms(covered(queries))};desc="${queries.length} queries"`);
  parts.push(`render;dur=${ms(Math.max(0, total - covered(record.spans)))}`);
  parts.push(`total;dur=${ms(total)}`);
  return parts.join(', ');
}

/** The table a statement reads or writes first, to group queries by what they touch. */
export function tableOf(sql: string): string {
  const match = /\b(?:from|update|into)\s+"?([a-z_][a-z0-9_]*)"?/i.exec(sql);
  return match?.[1] ?? 'other';
}

// The desk's server (scripts/serve.mjs) writes the header with this function: one format.
(globalThis as { [key: symbol]: unknown })[Symbol.for('flexy.server-timing.format')] =
  serverTimingHeader;
