import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

const embedded = path.join(root, 'lib/runtime/embedded-postgres.ts');

/** Runs a small ES module in a fresh Node process. */
function run(code: string) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'flexy-exit-')), 'main.mts');
  writeFileSync(file, code);
  return spawnSync(tsx, [file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

describe('a failing exit code', () => {
  it('survives loading the embedded Postgres module, whose exit hook calls process.exit(0)', () => {
    const result = run(`await import(${JSON.stringify(embedded)}); process.exitCode = 3;`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3);
  });

  it('still lets a successful process exit 0', () => {
    const result = run(`await import(${JSON.stringify(embedded)});`);
    expect(result.status).toBe(0);
  });
});

/** This process's environment plus `extra`, without what vitest set for its own workers. */
function outsideVitest(extra: Record<string, string>) {
  const env = { ...process.env, ...extra };
  for (const key of Object.keys(env))
    if (key.startsWith('VITEST') || key === 'TEST') delete env[key];
  return env;
}

describe('npm run test:unit', () => {
  it('exits non-zero when one test fails, with the real global setup and its embedded Postgres', () => {
    const result = spawnSync(
      'npm',
      ['run', 'test:unit', '--', 'test/fixtures/fails-on-purpose.test.ts'],
      {
        cwd: root,
        env: outsideVitest({ FLEXY_FAIL_ON_PURPOSE: '1', NO_COLOR: '1' }),
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output).toMatch(/Tests\s+.*1 failed/);
    expect(result.status).not.toBe(0);
  }, 150_000);
});
