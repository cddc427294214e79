import path from 'node:path';
import { startSandbox } from '../sandbox';
import { persistedSecret } from './data-dir';

/**
 * The emulator `npm start` runs when no ONECLICK_API_KEY is set: its state and key persist in
 * the data folder so a demo survives a restart. On its first start it holds `historyDays` of
 * past orders (SANDBOX_HISTORY_DAYS, 90 by default) for the desk to import, and a little
 * background traffic (SANDBOX_TRAFFIC orders a minute, 3 by default) gives it something live.
 */
export async function startLocalSandbox(
  dir: string,
  settings: { ordersPerMinute: number; port: number; historyDays: number },
) {
  const sandbox = await startSandbox({
    port: settings.port,
    apiKeys: [persistedSecret(dir, 'sandbox-key', 24)],
    stateFile: path.join(dir, 'sandbox.json'),
    traffic: { ordersPerMinute: settings.ordersPerMinute },
    history: { days: settings.historyDays },
  });
  return {
    url: sandbox.url,
    apiKey: sandbox.apiKey,
    history: sandbox.history,
    close: sandbox.close,
  };
}
