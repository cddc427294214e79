import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { CLIENT_KEYS, type ClientScope } from './client-keys';
import { runtimeMessagesFor } from './index';
import { getLocale } from './server';

type Tree = { [key: string]: unknown };

const picked = new Map<string, Tree>();

/** A branch of the catalogue (a compiled message may itself be an array). */
const isTree = (value: unknown): value is Tree =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The part of `messages` under the given keys and key prefixes ("orders.", "status."). */
export function pickMessages(messages: Tree, keys: readonly string[]): Tree {
  const out: Tree = {};
  for (const key of keys) {
    const path = key.endsWith('.') ? key.slice(0, -1) : key;
    const parts = path.split('.');
    let from: unknown = messages;
    for (const part of parts) from = isTree(from) ? from[part] : undefined;
    if (from === undefined) continue;
    let into = out;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) into[part] = from;
      else {
        const next = into[part];
        const branch: Tree = isTree(next) ? next : {};
        into[part] = branch;
        into = branch;
      }
    });
  }
  return out;
}

/**
 * Gives the client components below it the messages of one scope (a route, or the desk's
 * shell), in the person's language only. The scopes' keys are found by reading the client
 * code (npm run i18n:keys writes ./client-keys.ts; a test fails when it is stale).
 */
export async function ClientMessages({
  scope,
  children,
}: {
  scope: ClientScope;
  children: ReactNode;
}) {
  const locale = await getLocale();
  const key = `${locale}|${scope}`;
  // Catalogues never change while the process runs: pick each scope once per language.
  let messages = picked.get(key);
  if (!messages) {
    messages = pickMessages(runtimeMessagesFor(locale) as unknown as Tree, CLIENT_KEYS[scope]);
    picked.set(key, messages);
  }
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
