// A cap on upstream traffic for this process: at most `rps` requests started per second
// (a token bucket) and at most `concurrency` in flight. Every HTTP attempt, retries included,
// goes through it.

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

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
  const waiting: (() => void)[] = [];

  async function slot() {
    if (active < opts.concurrency) {
      active++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release() {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }

  async function token() {
    for (;;) {
      const t = now();
      tokens = Math.min(opts.rps, tokens + ((t - refilledAt) / 1000) * opts.rps);
      refilledAt = t;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - tokens) / opts.rps) * 1000));
    }
  }

  return async (task) => {
    await slot();
    try {
      await token();
      return await task();
    } finally {
      release();
    }
  };
}
