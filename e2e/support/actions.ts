import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

// Posting a server action the way a browser does, without its button: how the tests prove an
// action checks the role on the server, whatever the page showed.

/** The id of an exported server action in the build's action manifest (file: part of its path). */
export function actionId(exportedName: string, file: string): string {
  const manifest = JSON.parse(
    readFileSync('.next/server/server-reference-manifest.json', 'utf8'),
  ) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const found = Object.entries(manifest.node).find(
    ([, v]) => v.exportedName === exportedName && v.filename?.includes(file),
  )?.[0];
  if (!found) throw new Error(`no server action ${exportedName} in ${file}`);
  return found;
}

/** POSTs the action from `path` with these arguments; resolves to the raw RSC answer. */
export async function postAction(page: Page, path: string, id: string, args: unknown[]) {
  const res = await page.request.post(path, {
    headers: {
      'Next-Action': id,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
    },
    data: JSON.stringify(args),
  });
  return res.text();
}
