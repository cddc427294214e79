import path from 'node:path';
import { startSandbox } from '../sandbox';
import { persistedSecret } from './data-dir';

/**
 * The emulator `npm start` runs when no ONECLICK_API_KEY is set: its state and key persist in
 * the data folder so a demo survives a restart, and a little background traffic (3 orders a
 * minute unless SANDBOX_TRAFFIC says otherwise) gives the desk something live to show.
 */
export async function startLocalSandbox(dir: string) {
  const trafficSetting = Number(process.env.SANDBOX_TRAFFIC ?? 3);
  const ordersPerMinute =
    Number.isFinite(trafficSetting) && trafficSetting >= 0 ? trafficSetting : 3;
  const sandbox = await startSandbox({
    port: Number(process.env.SANDBOX_PORT ?? 0),
    apiKeys: [persistedSecret(dir, 'sandbox-key', 24)],
    stateFile: path.join(dir, 'sandbox.json'),
    traffic: { ordersPerMinute },
  });
  return { url: sandbox.url, apiKey: sandbox.apiKey, close: sandbox.close };
}
