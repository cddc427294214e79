import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// `npm start` builds only when the sources changed since the last build: a stamp of every
// source file's path, size and mtime is kept next to the build output.

const SOURCES = [
  'app',
  'lib',
  'db',
  'components',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
];
const stampFile = (root: string) => path.join(root, '.next', 'flexy-build-stamp');

export function sourceStamp(root: string): string {
  const hash = createHash('sha256');
  const visit = (rel: string) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    const stat = statSync(abs);
    if (stat.isDirectory()) {
      for (const name of readdirSync(abs).sort()) visit(path.join(rel, name));
    } else if (!/\.test\.tsx?$/.test(rel)) {
      hash.update(`${rel}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const entry of SOURCES) visit(entry);
  return hash.digest('hex');
}

export function buildIsCurrent(root: string): boolean {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) return false;
  try {
    return readFileSync(stampFile(root), 'utf8') === sourceStamp(root);
  } catch {
    return false;
  }
}

export function nextBin(): string {
  return createRequire(import.meta.url).resolve('next/dist/bin/next');
}

export async function buildApp(root: string): Promise<void> {
  const stamp = sourceStamp(root);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [nextBin(), 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  writeFileSync(stampFile(root), stamp);
}
