import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveConditionSettings } from '../../db/queries/alerts';
import { alerts, ingestQueue, notices, users } from '../../db/schema';
import {
  clock,
  DESK,
  look,
  now,
  only,
  place,
  runSync,
  sandbox,
  setupAlerts,
  t,
  told,
} from '../../test/alerts';
import { keyFingerprint } from '../sync/credentials';
import { acknowledge } from './acknowledge';
import { evaluateAlerts } from './evaluate';
import { THRESHOLDS, thresholdsOf, withoutBlanks } from './thresholds';

// The life cycle's edges: an evaluator that cannot tell yet leaves alerts as they are, an
// admin turning a condition off closes its alerts without saying they cleared, and a blank
// threshold means its default.

setupAlerts();

const HOUR = 3_600_000;
let manager = '';
const managerId = () => manager;
beforeAll(async () => {
  const [row] = await t.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'manager@shop.dz'));
  manager = row?.id ?? '';
});

describe('the alert life cycle at its edges', () => {
  it('a freshly started evaluator neither resolves nor reopens a stall it cannot judge yet', async () => {
    await only('sync_stalled');
    sandbox.controls.setFaults({ rate: 1, kinds: ['500'] });
    await place({ amount: 100 });
    await runSync(3 * 60_000);
    await look();
    // Another instance, started a second ago, takes the next turn.
    const restarted = await evaluateAlerts({
      db: t.db,
      now: now(),
      keyFingerprint: keyFingerprint(sandbox.apiKey),
      startedAt: now(),
      smtpConfigured: true,
      deskUrl: DESK,
    });
    expect(restarted).toMatchObject({ opened: [], resolved: [], failed: [] });
    const [open] = await t.db.select().from(alerts).where(eq(alerts.key, 'sync_stalled'));
    expect(open).toMatchObject({ state: 'open', clearSince: null });
    sandbox.controls.clearFaults();
  });

  it('turning a condition off closes its alerts without telling anyone they cleared', async () => {
    const before = await t.db.select().from(notices);
    await t.db.transaction((tx) =>
      saveConditionSettings(tx, {
        condition: 'sync_stalled',
        enabled: false,
        params: {},
        by: null,
        at: now(),
      }),
    );
    await look();
    const [closed] = await t.db.select().from(alerts).where(eq(alerts.key, 'sync_stalled'));
    expect(closed?.state).toBe('resolved');
    expect(await t.db.select().from(notices)).toHaveLength(before.length);
    expect((await told('sync_stalled')).webhook).toEqual(['opened']);
  });

  it('saves a blank threshold as its default, never as 0, and refuses a zero baseline', () => {
    const schema = THRESHOLDS.operator_failures.strict();
    expect(schema.parse(withoutBlanks({ floorRate: '', factor: ' ' }))).toMatchObject({
      floorRate: 0.02,
      factor: 3,
    });
    expect(schema.safeParse({ floorRate: '0' }).success).toBe(false);
    expect(thresholdsOf('runway', { hours: '' })).toEqual({ hours: 6 });
  });
});

describe('reminders', () => {
  it('come 1 h after opening, then 2 h after that, and stop once someone acknowledges', async () => {
    await only('ingest_waiting');
    // A registration the shop posted 2 hours ago and nobody could confirm.
    await t.db.insert(ingestQueue).values({
      topupId: 'reminder-test-order',
      receivedAt: new Date(now().getTime() - 2 * HOUR),
      nextAttemptAt: new Date(now().getTime() + 100 * HOUR),
    });
    const turn = async (advanceMs: number) => {
      clock.advance(advanceMs);
      return (await look())?.reminded ?? [];
    };
    expect((await look())?.opened).toEqual(['ingest_waiting']);
    expect(await turn(30 * 60_000)).toEqual([]);
    expect(await turn(31 * 60_000)).toEqual(['ingest_waiting']); // 1 h 1 min after opening
    expect(await turn(HOUR)).toEqual([]);
    expect(await turn(HOUR + 60_000)).toEqual(['ingest_waiting']); // 2 h after the first
    const [alert] = await t.db.select().from(alerts).where(eq(alerts.key, 'ingest_waiting'));
    await t.db.transaction((tx) =>
      acknowledge(tx, { alertId: alert?.id ?? '', userId: managerId(), at: now() }),
    );
    expect(await turn(5 * HOUR)).toEqual([]);
    expect((await told('ingest_waiting')).manager).toEqual(['opened', 'reminded', 'reminded']);
  });
});
