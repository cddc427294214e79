import type { Db } from '../../db/client';
import { writeState } from '../../db/queries/app-state';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError } from '../oneclick/errors';
import { BALANCE_KEY, KEY_INFO_KEY, PING_KEY } from './worker-state';

// What Sync health and the landing page show about the upstream, as every instance's worker
// last saw it: the balance and a ping (with each operator's state), and the key's details.

type Deps = { db: Db; client: OneClickClient; now: () => number };

/** The balance, then a ping; a failed ping is recorded (with why), never thrown. */
export async function pingUpstream({ db, client, now }: Deps) {
  try {
    const balance = await client.balance();
    await writeState(db, BALANCE_KEY, {
      at: new Date(now()).toISOString(),
      balance: balance.data.balance,
    });
  } catch {
    // The ping below records what is wrong with the upstream.
  }
  try {
    const res = await client.ping();
    await writeState(db, PING_KEY, {
      at: new Date(now()).toISOString(),
      ok: res.data.api === 'ok',
      operators: res.data.operators,
      error: null,
    });
  } catch (error) {
    await writeState(db, PING_KEY, {
      at: new Date(now()).toISOString(),
      ok: false,
      operators: {},
      error: describeError(error),
    });
  }
}

/** The key's type, scope and owner, as the upstream validates it. */
export async function validateKey({ db, client }: Omit<Deps, 'now'>) {
  const res = await client.validate();
  await writeState(db, KEY_INFO_KEY, {
    type: res.data.apiKey.type,
    scope: res.data.apiKey.scope ?? null,
    username: res.data.username,
    enabled: res.data.apiKey.isEnabled,
  });
}

function describeError(error: unknown) {
  if (isOneClickError(error)) return `${error.kind}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
