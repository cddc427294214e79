// For tests: a sandbox on a manual clock, spoken to with plain fetch so the tests depend on
// the wire format only, not on lib/oneclick's client.
import { createManualClock, type ManualClock } from '../lib/sandbox/clock';
import type { Sandbox, SandboxOptions } from '../lib/sandbox/options';
import { startSandbox } from '../lib/sandbox/server';

/** 2025-10-29T00:35:59Z, the docs' example creation time. */
export const T0 = Date.UTC(2025, 9, 29, 0, 35, 59);

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON, garbled on purpose.
export type Json = any;

const opened = new Set<Sandbox>();

export async function closeSandboxes() {
  await Promise.all([...opened].map((s) => s.close()));
  opened.clear();
}

export async function openSandbox(opts: SandboxOptions & { clock?: ManualClock } = {}) {
  const clock = opts.clock ?? createManualClock(T0);
  const sandbox = await startSandbox({ balance: 10_000, ...opts, clock });
  opened.add(sandbox);
  const call = async (path: string, init: RequestInit = {}, key = sandbox.apiKey) => {
    const headers = { 'X-Access-Token': key, 'Content-Type': 'application/json' };
    const res = await fetch(`${sandbox.url}${path}`, { ...init, headers });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const get = async (path: string) => (await call(path)).body;
  return {
    clock,
    sandbox,
    call,
    get,
    send: async (body: Record<string, unknown>) =>
      (await call('/mobile/send', { method: 'POST', body: JSON.stringify(body) })).body,
    checkId: async (id: string) => (await get(`/mobile/check-id/${id}`)).data,
    checkRef: async (ref: string) =>
      (await get(`/mobile/check-ref/${encodeURIComponent(ref)}`)).data,
    list: async () => (await get('/mobile/list?pageSize=100')).data,
    ledger: async () => (await get('/account/transactions?pageSize=100')).data.items as Json[],
    balance: async () => (await get('/account/balance')).data.balance as number,
  };
}
