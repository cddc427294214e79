import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E } from './support/env';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test('the browser bundle holds neither the upstream API key nor the upstream client', () => {
  const key = readFileSync(path.join(E2E.dataDir, 'sandbox-key'), 'utf8').trim();
  expect(key.length).toBeGreaterThan(10);
  const bundle = files('.next/static').map((file) => readFileSync(file, 'utf8'));
  expect(bundle.length).toBeGreaterThan(0);
  expect(bundle.filter((text) => text.includes(key))).toHaveLength(0);
  // The header name and the error class only exist in lib/oneclick.
  expect(
    bundle.filter((text) => text.includes('X-Access-Token') || text.includes('OneClickError')),
  ).toHaveLength(0);
});
