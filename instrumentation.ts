// Runs once per server process at start-up (Node runtime only).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startBackground } = await import('./lib/runtime/background');
  await startBackground();
}
