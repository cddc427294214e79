// A cap on upstream traffic for this process: at most `rps` requests started per second
// (a token bucket) and at most `concurrency` in flight. Every HTTP attempt, retries included,
// goes through it.
//
// Two lanes share the cap. A person waiting on the answer ("check now", a refund, a retry on
// Sync health, the shop's API) is served before the background engine's backlog: at 10 calls/s,
// a burst of 100 queued polls would otherwise make the person wait 10 s. The background lane
// still gets every slot no one is waiting for.

export type Lane = 'interactive' | 'background';

export type Limiter = <T>(task: () => Promise<T>, lane?: Lane) => Promise<T>;

export function createLimiter(opts: {
  rps: number;
  concurrency: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}): Limiter {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let tokens = opts.rps;
  let refilledAt = now();
  let active = 0;
  const waiting: Record<Lane, (() => void)[]> = { interactive: [], background: [] };
  let pumping = false;

  const refill = () => {
    const t = now();
    tokens = Math.min(opts.rps, tokens + ((t - refilledAt) / 1000) * opts.rps);
    refilledAt = t;
  };
  const nextWaiter = () => waiting.interactive.shift() ?? waiting.background.shift();
  const anyWaiting = () => waiting.interactive.length + waiting.background.length > 0;

  // One dispatcher hands out (slot, token) pairs, always to the interactive lane first. It runs
  // until no one waits or every slot is taken; a finished call restarts it.
  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      while (anyWaiting() && active < opts.concurrency) {
        refill();
        if (tokens < 1) {
          await sleep(Math.ceil(((1 - tokens) / opts.rps) * 1000));
          continue;
        }
        tokens -= 1;
        active++;
        nextWaiter()?.();
      }
    } finally {
      pumping = false;
    }
  }

  return async (task, lane = 'interactive') => {
    await new Promise<void>((resolve) => {
      waiting[lane].push(resolve);
      void pump();
    });
    try {
      return await task();
    } finally {
      active--;
      void pump();
    }
  };
}
