/**
 * The launcher (scripts/start.ts) owns the database and the sandbox. If it dies without a chance
 * to stop its children (kill -9), they are told, rather than work against a database that is
 * gone. FLEXY_PARENT_PID names it; without it there is nothing to watch.
 */
export function watchParent(onGone: () => void, env = process.env) {
  const parent = Number(env.FLEXY_PARENT_PID);
  if (!Number.isInteger(parent) || parent <= 1) return;
  const timer = setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      clearInterval(timer);
      onGone();
    }
  }, 2000);
  timer.unref();
}
