import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { resolveSearch } from './search';

let t: TestDb;
const ids = new Map<string, number>();
beforeAll(async () => {
  t = await createTestDb();
  // 0778037340 has two orders; the top-up id 661234567 has the shape of a Mobilis number
  // that has none.
  const { rows } = await t.pool.query<{ id: string; topup_id: string }>(`
    insert into topups (topup_id, ref, status, plan_code, operator, msisdn, topup_amount,
                        upstream_created_at, source)
    values ('t-1', 'shop-1', 'FULFILLED', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'list-sync'),
           ('t-2', 'shop-2', 'REFUNDED', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'list-sync'),
           ('661234567', 'shop-3', 'FULFILLED', 'PREPAID_MOBILIS', 'Mobilis', '0612345678', 100, now(), 'list-sync')
    returning id, topup_id`);
  for (const r of rows) ids.set(r.topup_id, Number(r.id));
});
afterAll(() => t.close());

describe('search on the server (no scripts, or nothing found on a phone list)', () => {
  it('finds a phone that has orders, in any common form', async () => {
    expect(await resolveSearch(t.db, '+213 778 03 73 40')).toEqual({
      kind: 'phone',
      msisdn: '0778037340',
    });
  });

  it('finds an order by ref or by top-up id', async () => {
    expect(await resolveSearch(t.db, 'shop-2')).toEqual({ kind: 'order', id: ids.get('t-2') });
    expect(await resolveSearch(t.db, 't-1')).toEqual({ kind: 'order', id: ids.get('t-1') });
  });

  it('reads digits shaped like a phone with no orders as a top-up id', async () => {
    expect(await resolveSearch(t.db, '661234567')).toEqual({
      kind: 'order',
      id: ids.get('661234567'),
    });
  });

  it('finds nothing for a phone without orders that is no id either', async () => {
    expect(await resolveSearch(t.db, '0550000001')).toEqual({ kind: 'none' });
    expect(await resolveSearch(t.db, '   ')).toEqual({ kind: 'none' });
  });
});
