// `npm run sandbox`: the OneClickDz emulator on its own, for development and demos.
// Imports lib/sandbox only: it must run under plain Node (tsx), where `server-only` throws.
import path from 'node:path';
import { startSandbox } from '../lib/sandbox';

function numberFromEnv(name: string, fallback: number, max = Number.POSITIVE_INFINITY) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > max) {
    console.error(`${name} must be a number between 0 and ${max}, got "${raw}"`);
    process.exit(1);
  }
  return value;
}

const port = numberFromEnv('SANDBOX_PORT', 4010, 65535);
const ordersPerMinute = numberFromEnv('SANDBOX_TRAFFIC', 0);
const faultRate = numberFromEnv('SANDBOX_FAULT_RATE', 0, 1);
// As under `npm start`: a generated past on the first start (no state file yet).
const historyDays = Math.floor(numberFromEnv('SANDBOX_HISTORY_DAYS', 90, 365));
const stateFile = path.resolve(process.env.DATA_DIR || '.data', 'sandbox.json');

const sandbox = await startSandbox({
  port,
  host: process.env.SANDBOX_HOST || '127.0.0.1',
  apiKeys: process.env.SANDBOX_API_KEY ? [process.env.SANDBOX_API_KEY] : undefined,
  stateFile,
  traffic: { ordersPerMinute },
  history: { days: historyDays },
  faults: faultRate > 0 ? { rate: faultRate, hangMs: 15_000 } : undefined,
});

// The one place the sandbox prints: it is a command-line tool and these lines are its output.
console.warn(`OneClickDz sandbox listening on ${sandbox.url}`);
console.warn(`  X-Access-Token: ${sandbox.apiKey}`);
console.warn(`  state: ${stateFile}`);
if (sandbox.history)
  console.warn(`  history: ${historyDays} days generated (${sandbox.history.orders} orders)`);
console.warn(`  traffic: ${ordersPerMinute} orders/min · fault rate: ${faultRate}`);
console.warn(
  '  test numbers: 0600000001 (refunded) · 0600000002 (refunded + offers, balance_amount 0) · 0600000003 (unknown error)',
  '                0600000004 (refunded, retry fulfilled) · 0600000005 (refunded, retry refunded) · 0600000006 (refunded, follow-up fulfilled)',
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.warn(`sandbox: ${signal}, saving state and stopping`);
  try {
    await sandbox.close();
    process.exit(0);
  } catch (error) {
    console.error('sandbox: could not stop cleanly', error);
    process.exit(1);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
