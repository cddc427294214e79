// The headers every response carries: from Next (next.config.js `headers()`) and from the
// desk's server for the static files it sends itself (scripts/serve.mjs). Plain JavaScript so
// both load it without a compiler.

/** @type {{ key: string; value: string }[]} */
export const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  // Browsers ignore HSTS over plain http, so sending it from a production build is safe.
  ...(process.env.NODE_ENV === 'production'
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
    : []),
];
