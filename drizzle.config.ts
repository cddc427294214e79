import { defineConfig } from 'drizzle-kit';

// Only `generate` is used: migrations are applied by db/migrate.ts, which reports failures.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema',
  out: './drizzle',
  casing: 'snake_case',
});
