/** Where the sandbox reads "now". Every status is derived from it at read time. */
export type Clock = { now(): number };

export type ManualClock = Clock & {
  advance(ms: number): number;
  set(ms: number): number;
};

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to, so a test can walk an order through its lifecycle. */
export function createManualClock(startMs = Date.UTC(2025, 9, 29, 0, 0, 0)): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
      return current;
    },
    set(ms) {
      current = ms;
      return current;
    },
  };
}
