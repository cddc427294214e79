// `npm run demo:code -- finance`: the current second-factor code of a demo user, for trying the
// desk without an authenticator app. Demo users exist only on the embedded demo database.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { currentCode } from '../lib/auth/totp';
import { dataDir } from '../lib/runtime/data-dir';
import type { DemoUser } from '../lib/runtime/demo-users';

const who = process.argv[2] ?? 'finance';
const file = path.join(dataDir(), 'demo-users.json');
let users: DemoUser[];
try {
  users = JSON.parse(readFileSync(file, 'utf8')) as DemoUser[];
} catch {
  process.stderr.write(`No demo users in ${file}: start the desk once with \`npm start\`.\n`);
  process.exit(1);
}
const user = users.find((u) => u.role === who || u.email === who);
if (!user?.totpSecret) {
  process.stderr.write(`No demo user "${who}" with a second factor (try finance or admin).\n`);
  process.exit(1);
}
const seconds = 30 - (Math.floor(Date.now() / 1000) % 30);
process.stdout.write(`${currentCode(user.totpSecret)}  (${user.email}, valid ${seconds} s more)\n`);
