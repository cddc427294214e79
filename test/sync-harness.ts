import { createOneClickClient } from '../lib/oneclick/client';
import type { CallInfo } from '../lib/oneclick/request';
import {
  type CreateTopupInput,
  createManualClock,
  type SandboxOptions,
  startSandbox,
} from '../lib/sandbox';

// The real emulator over real HTTP on a clock the test moves, with a client that counts its
// calls. Shared by the sync tests and the sync benchmark.

export const START = Date.UTC(2026, 10, 27, 10, 0, 0);

export async function startSyncHarness(opts: Omit<SandboxOptions, 'clock' | 'port'> = {}) {
  const clock = createManualClock(START);
  // A fresh seed per harness: ids and refs must not collide between tests sharing a database.
  const sandbox = await startSandbox({
    port: 0,
    clock,
    seed: Math.floor(Math.random() * 2 ** 31),
    ...opts,
  });
  const calls: CallInfo[] = [];
  const makeClient = (onCall?: (info: CallInfo) => void) =>
    createOneClickClient({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      now: clock.now,
      // Retries happen on the next tick in simulated time, not in a real sleep.
      maxRetries: 0,
      sleep: async () => {},
      onCall: (info) => {
        calls.push(info);
        onCall?.(info);
      },
    });
  return {
    clock,
    sandbox,
    client: makeClient(),
    makeClient,
    calls,
    /** Places an order upstream (as the shop's send would) and returns its upstream view. */
    place: (input: Partial<CreateTopupInput> = {}) =>
      sandbox.controls.createTopup({
        msisdn: '0778037340',
        planCode: 'PREPAID_DJEZZY',
        amount: 500,
        createdAt: clock.now(),
        ...input,
      }),
    close: () => sandbox.close(),
  };
}

export type SyncHarness = Awaited<ReturnType<typeof startSyncHarness>>;
