import path from 'node:path';
import { startSandbox } from '../sandbox';
import { persistedSecret } from './data-dir';

/**
 * The emulator `npm start` runs when no ONECLICK_API_KEY is set: its state and key persist in
 * the data folder so a demo survives a restart, and a little background traffic
 * (SANDBOX_TRAFFIC orders a minute, 3 by default) gives the desk something live to show.
 */
export async function startLocalSandbox(
  dir: string,
  settings: { ordersPerMinute: number; port: number },
) {
  const sandbox = await startSandbox({
    port: settings.port,
    apiKeys: [persistedSecret(dir, 'sandbox-key', 24)],
    stateFile: path.join(dir, 'sandbox.json'),
    traffic: { ordersPerMinute: settings.ordersPerMinute },
  });
  return { url: sandbox.url, apiKey: sandbox.apiKey, close: sandbox.close };
}
