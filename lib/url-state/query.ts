// Writing a view back into its URL. Apart from the parser (params.ts, on zod) because client
// components build links with it, and zod must not ride into the browser's bundles.

/**
 * The query string of a view: the keys' order, only values that differ from the defaults,
 * lists joined with commas (an empty list is left out). '' when nothing is set.
 */
export function toQuery<K extends string>(
  keys: readonly K[],
  values: Partial<Record<K, unknown>>,
  defaults: Partial<Record<K, unknown>> = {},
): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = values[key];
    if (value === undefined || value === null || value === defaults[key]) continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
