// An instance's life cycle, shared by the desk's server (scripts/serve.mjs) and the app it runs
// (the same process, two copies of this module: the state lives on globalThis). On SIGTERM the
// server calls drain(): readiness answers 503 from then on, and every hook runs (the background
// worker stops claiming, finishes its batch and hands its leases back) while requests finish.

const KEY = Symbol.for('flexy.lifecycle');

function state() {
  globalThis[KEY] ??= { draining: false, hooks: [] };
  return globalThis[KEY];
}

/** True once the instance was asked to stop: readiness says 503, nothing new is claimed. */
export function isDraining() {
  return state().draining;
}

/** Runs `hook` when the instance drains (before it exits); a failing hook does not stop others. */
export function onDrain(hook) {
  state().hooks.push(hook);
}

/** Marks the instance draining and runs the hooks, once; resolves when they are done. */
export function drain() {
  const s = state();
  if (!s.drained) {
    s.draining = true;
    // A hook that throws at once is settled like one that rejects.
    s.drained = Promise.allSettled(s.hooks.map((hook) => Promise.resolve().then(hook))).then(
      () => {},
    );
  }
  return s.drained;
}
