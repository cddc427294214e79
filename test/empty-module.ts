// Stands in for `server-only` outside Next's bundler (vitest, tsx scripts), where the
// react-server export condition is not set. The real guard still applies in `next build`.
export {};
