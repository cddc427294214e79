/**
 * Waits for a condition another process or a background task makes true, however slow the
 * machine is: tests wait for what they need, never for a fixed time. `check` returns a truthy
 * value when done; that value is returned. The timeout only bounds a real failure.
 */
export async function until<T>(
  what: string,
  check: () => Promise<T> | T,
  opts: { timeoutMs?: number; everyMs?: number } = {},
): Promise<NonNullable<T>> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const everyMs = opts.everyMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
