// Which message keys the browser needs, per scope: reads the app's client code and writes
// lib/i18n/client-keys.ts, so each page ships only the keys its client components use (in
// one language; see lib/i18n/client-messages.tsx). `npm run i18n:keys` rewrites the file; a
// test fails when it is stale or when a page has no scope.
//
// A scope is a folder of app/ with a page (its page, loading, error and not-found files), or a
// layout's own client code ("root" for app/layout.tsx, "desk" for the desk's shell). From
// those entry files the scan follows imports (relative and "@/"); a file is client code when
// it says 'use client' or a client file imports it ('use server' files never are). In client code it keeps every string
// literal that names a message or a group of messages, and every template `prefix.${…}`.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { en } from '../lib/i18n/messages/en';

const ROOT = path.resolve(import.meta.dirname, '..');
const APP = path.join(ROOT, 'app');
const OUT = path.join(ROOT, 'lib/i18n/client-keys.ts');
const ROUTE_FILES = ['page.tsx', 'loading.tsx', 'error.tsx', 'not-found.tsx'];

type Tree = { [key: string]: string | Tree };

function nodeAt(key: string): string | Tree | undefined {
  let node: string | Tree | undefined = en as unknown as Tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return node;
}

/** Scope name → entry files. Route scopes are folders under app/ (route groups kept). */
export function scopes(): Record<string, string[]> {
  const out: Record<string, string[]> = {
    root: [path.join(APP, 'layout.tsx'), path.join(APP, 'not-found.tsx')],
    desk: [path.join(APP, '(desk)/layout.tsx')],
  };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory() && name !== 'api') walk(full);
    }
    if (dir === APP) return;
    if (!existsSync(path.join(dir, 'page.tsx'))) return;
    const scope = path.relative(APP, dir).split(path.sep).join('/');
    out[scope] = ROUTE_FILES.map((f) => path.join(dir, f)).filter((f) => existsSync(f));
  };
  walk(APP);
  return out;
}

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

// Static imports and exports, and dynamic `import('…')`: code fetched later (a dialog, the
// toasts, the column menu) reads its messages from the page's scope too.
const IMPORT =
  /(?:(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]+?\s+from\s+)?|\bimport\(\s*)['"]([^'"]+)['"]/g;
const TYPE_ONLY = /^\s*(?:import|export)\s+type\s/;

function importsOf(file: string, source: string): string[] {
  const out: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    if (TYPE_ONLY.test(match[0])) continue;
    const resolved = resolveImport(file, match[1] ?? '');
    // Catalogues are never client code: the scan reads keys, not the messages themselves.
    if (resolved && !resolved.includes(`${path.sep}i18n${path.sep}messages${path.sep}`))
      out.push(resolved);
  }
  return out;
}

const directive = (source: string, name: string) =>
  new RegExp(`^\\s*['"]use ${name}['"]`, 'm').test(source.slice(0, 300));

function keysIn(source: string): Set<string> {
  const keys = new Set<string>();
  for (const m of source.matchAll(/['"]([a-zA-Z][\w]*(?:\.[\w]+)+)['"]/g)) {
    const key = m[1] ?? '';
    if (nodeAt(key) !== undefined) keys.add(typeof nodeAt(key) === 'object' ? `${key}.` : key);
  }
  for (const m of source.matchAll(/[`'"]([a-zA-Z][\w]*(?:\.[\w]+)*)\.(?:\$\{|['"`]\s*\+)/g)) {
    const prefix = m[1] ?? '';
    if (typeof nodeAt(prefix) === 'object') keys.add(`${prefix}.`);
  }
  return keys;
}

const CATALOGUES = [path.join(ROOT, 'lib/i18n/index.ts'), path.join(ROOT, 'lib/i18n/messages')];

/**
 * Client files that import the catalogues (lib/i18n/index.ts or a messages file) for more than
 * types: each would put all three languages in the browser's JavaScript.
 */
export function catalogueLeaks(): string[] {
  const leaks = new Set<string>();
  for (const file of clientFiles(Object.values(scopes()).flat())) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      if (TYPE_ONLY.test(match[0])) continue;
      const spec = match[1] ?? '';
      const target =
        spec.startsWith('@/') || spec.startsWith('.') ? resolveImport(file, spec) : null;
      if (target && CATALOGUES.some((c) => target === c || target.startsWith(`${c}${path.sep}`)))
        leaks.add(path.relative(ROOT, file));
    }
  }
  return [...leaks].sort();
}

/** Every file that runs in the browser, reached from the given entries. */
function clientFiles(entries: string[]): string[] {
  const seen = new Map<string, boolean>();
  const queue: Array<[string, boolean]> = entries.map((e) => [e, false]);
  while (queue.length) {
    const [file, parentClient] = queue.shift() as [string, boolean];
    const source = readFileSync(file, 'utf8');
    if (directive(source, 'server')) continue;
    const client = parentClient || directive(source, 'client');
    if (seen.has(file) && (seen.get(file) || !client)) continue;
    seen.set(file, client);
    for (const next of importsOf(file, source)) queue.push([next, client]);
  }
  return [...seen].filter(([, client]) => client).map(([file]) => file);
}

/** The keys one scope's client code uses, sorted, with groups ending in "." */
export function scanScope(entries: string[]): string[] {
  const keys = new Set<string>();
  for (const file of clientFiles(entries))
    for (const k of keysIn(readFileSync(file, 'utf8'))) keys.add(k);
  // A key inside a group already kept is not listed again.
  const groups = [...keys].filter((k) => k.endsWith('.'));
  return [...keys].filter((k) => !groups.some((g) => g !== k && k.startsWith(g))).sort();
}

export function scanAll(): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(scopes()).map(([scope, entries]) => [scope, scanScope(entries)]),
  );
}

export function render(all: Record<string, string[]>): string {
  const body = Object.entries(all)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([scope, keys]) => `  ${JSON.stringify(scope)}: ${JSON.stringify(keys)},`)
    .join('\n');
  return `// Written by \`npm run i18n:keys\` (scripts/i18n-keys.ts) from the client code: do not edit.
// The message keys each scope's client components use ("x." is the whole group x).

export const CLIENT_KEYS = {
${body}
} as const satisfies Record<string, readonly string[]>;

export type ClientScope = keyof typeof CLIENT_KEYS;
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(OUT, render(scanAll()));
  process.stdout.write(`wrote ${path.relative(ROOT, OUT)}\n`);
}
