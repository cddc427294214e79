import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The password hash may be read in exactly these server modules. Pages, components, the other
// query modules and actions must never select it, so it cannot reach the browser.
// lib/log.ts names it only to redact it.
const ALLOWED = new Set([
  'db/schema.ts',
  'db/schema/users.ts',
  'db/queries/auth.ts',
  'lib/auth/authenticate.ts',
  'lib/auth/account.ts',
  'lib/users/service.ts',
  'lib/log.ts',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('password hashes stay on the server', () => {
  it('only the sign-in and user-administration modules mention the password hash column', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const offenders = ['app', 'components', 'db', 'lib']
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .map((file) => path.relative(root, file))
      .filter((file) => !ALLOWED.has(file))
      .filter((file) =>
        /passwordHash|password_hash/.test(readFileSync(path.join(root, file), 'utf8')),
      );
    expect(offenders).toEqual([]);
  });
});
