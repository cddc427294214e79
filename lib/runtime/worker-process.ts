import { type ChildProcess, spawn } from 'node:child_process';

// `npm run worker` as a child of the launcher. On a first start the app must be built before
// its web server (and the worker inside it) can run; this worker runs beside the build so the
// history import does not wait for it, and stops once the web server's own worker takes over.

export function startWorkerProcess(root: string, env: NodeJS.ProcessEnv) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'],
    { cwd: root, stdio: 'inherit', env },
  );
  let stopping: Promise<void> | undefined;
  return {
    /** Stops it cleanly (it hands its leases over), or kills it after `graceMs`. */
    stop(graceMs = 10_000) {
      stopping ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      });
      return stopping;
    },
  };
}
