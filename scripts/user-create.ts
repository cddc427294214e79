// `npm run user:create -- --email a@b.dz --role admin [--name "Amina B."] [--password …]`
// Creates a user (the first admin of a production install), with an audit row.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDb } from '../db/client';
import { ROLES } from '../db/enums';
import { runMigrations } from '../db/migrate';
import { generatePassword, MIN_PASSWORD_LENGTH } from '../lib/auth/password';
import { UserFacingError } from '../lib/errors/user-facing';
import { resolveDatabase } from '../lib/runtime/database';
import { createUserAsSystem } from '../lib/users/service';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
  },
});
const input = z
  .object({
    email: z.email('--email must be an email address'),
    role: z.enum(ROLES, `--role must be one of ${ROLES.join(', ')}`),
    name: z.string().min(1).max(120).optional(),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `--password must have at least ${MIN_PASSWORD_LENGTH} characters`)
      .optional(),
  })
  .safeParse(values);
if (!input.success) {
  for (const issue of input.error.issues) process.stderr.write(`${issue.message}\n`);
  process.exit(2);
}

const { email, role } = input.data;
const password = input.data.password ?? generatePassword();
const database = await resolveDatabase();
const { db, pool } = createDb(database.url, 2);
try {
  await runMigrations(database.url);
  const user = await db.transaction(async (tx) => {
    return createUserAsSystem(
      tx,
      {
        email,
        role,
        name: input.data.name ?? email.split('@')[0] ?? email,
        password,
        // Printed on this terminal: the person chooses their own at the first sign-in.
        temporary: true,
      },
      { via: 'cli' },
    );
  });
  process.stdout.write(`created ${user.email} (${user.role})\n`);
  if (!input.data.password) process.stdout.write(`temporary password: ${password}\n`);
} catch (error) {
  const message =
    error instanceof UserFacingError && error.messageKey === 'users.emailTaken'
      ? `a user with email ${email} already exists`
      : String(error);
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
} finally {
  await pool.end();
  await database.stop();
}
process.exit(process.exitCode ?? 0);
