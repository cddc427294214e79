import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';

// `npm start` builds only when the sources changed since the last build: a stamp of every
// source file's path, size and mtime is kept next to the build output.

const SOURCES = [
  'app',
  'lib',
  'db',
  'drizzle',
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
  await precompressStatic(path.join(root, '.next', 'static'));
  writeFileSync(stampFile(root), stamp);
}

const brotli = promisify(brotliCompress);

/**
 * Writes a brotli twin (`x.js.br`) of every script and stylesheet of the build, at the highest
 * quality: done once here, sent by scripts/serve.mjs to every browser that accepts br.
 */
export async function precompressStatic(dir: string): Promise<number> {
  const files: string[] = [];
  const visit = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(js|css)$/.test(entry.name)) files.push(full);
    }
  };
  if (existsSync(dir)) visit(dir);
  for (const file of files) {
    const compressed = await brotli(await readFile(file), {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    });
    await writeFile(`${file}.br`, compressed);
  }
  return files.length;
}

/** The desk's web server (scripts/serve.mjs: Next plus Server-Timing and brotli). */
export function serverScript(root: string): string {
  return path.join(root, 'scripts', 'serve.mjs');
}
