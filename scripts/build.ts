import { buildApp } from '../lib/runtime/build';

try {
  await buildApp(process.cwd());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
