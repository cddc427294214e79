import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { until } from '../../test/until';
import { createOneClickClient } from '../oneclick/client';
import { createManualClock } from './clock';
import { startSandbox } from './server';

describe('sandbox state file', () => {
  it('keeps orders, refs, balance and ledger across a restart', async () => {
    const stateFile = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'sandbox-state-')),
      'nested',
      'sandbox.json',
    );
    const clock = createManualClock();
    const first = await startSandbox({ clock, stateFile, apiKeys: ['demo-key-1'], balance: 2_000 });
    const client = createOneClickClient({
      apiKey: 'demo-key-1',
      baseUrl: first.url,
      maxRetries: 0,
    });
    const { data } = await client.send({
      plan_code: 'PREPAID_DJEZZY',
      MSSIDN: '0600000001',
      amount: 1000,
      ref: 'kept',
    });
    await first.close();
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).topups).toHaveLength(1);

    clock.advance(60_000);
    const second = await startSandbox({ clock, stateFile, apiKeys: ['demo-key-1'], balance: 999 });
    const again = createOneClickClient({
      apiKey: 'demo-key-1',
      baseUrl: second.url,
      maxRetries: 0,
    });
    expect((await again.checkRef('kept')).data).toMatchObject({
      _id: data.topupId,
      status: 'REFUNDED',
    });
    expect((await again.balance()).data.balance).toBe('2000');
    expect((await again.transactions()).data.items.map((row) => row.type)).toEqual([
      'REFUND-FLEXY',
      'FLEXY',
    ]);
    await expect(
      again.send({ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 100, ref: 'kept' }),
    ).rejects.toMatchObject({ kind: 'duplicate_ref' });
    await second.close();
  });

  it('refuses to start on a file that is not sandbox state, rather than overwrite it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-state-'));
    const stateFile = path.join(dir, 'other.json');
    writeFileSync(stateFile, '{"hello":"world"}');
    await expect(startSandbox({ stateFile })).rejects.toThrow(/not a sandbox state file/);
  });
});

describe('background traffic', () => {
  it('places orders on its own at the configured rate while running', async () => {
    const sandbox = await startSandbox({ traffic: { ordersPerMinute: 6_000 } });
    const client = createOneClickClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    // 100 orders a second: five arrive within a tick or two of its timer, however busy.
    const data = await until('five traffic orders', async () => {
      const { data } = await client.list({ pageSize: 100 });
      return data.pagination.totalResults >= 5 ? data : null;
    });
    await sandbox.close();
    expect(data.items.length).toBeGreaterThanOrEqual(5);
    // Fresh orders: the documented flow starts PENDING (5 s) then HANDLING (until 15 s).
    expect(data.items.every((t) => t.status === 'PENDING' || t.status === 'HANDLING')).toBe(true);
  });
});
