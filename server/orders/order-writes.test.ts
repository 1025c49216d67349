import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findOrCreateAccount } from '../auth/account/account-store';
import { newOrderId, ORDER_ID_PATTERN } from './order-store';
import { insertOrder, ORDER_ID_ATTEMPTS } from './order-writes';
import { useTempStore } from '../store/testing/temp-store';

describe('order ids', () => {
  let accountId: string;

  const temp = useTempStore('order-writes-');
  before(async () => {
    accountId = (await findOrCreateAccount(temp.store.db, '9876500003', 0)).account.id;
  });

  const fields = (now: number) => ({
    account_id: accountId,
    status: 'placed',
    payment_method: 'cod',
    payment_status: 'due',
    address: '{}',
    totals: '{}',
    offers: '[]',
    delivery: '{}',
    item_count: 1,
    total: 100,
    created_at: now,
    updated_at: now,
  });

  it('should keep the id format and sort ids by the time they were made', () => {
    const now = Date.UTC(2026, 11, 1);
    const ids = [newOrderId(0), newOrderId(now), newOrderId(now + 1), newOrderId(now + 1000)];
    for (const id of ids) assert.match(id, ORDER_ID_PATTERN);
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(newOrderId(now).slice(2, 15), String(now));
  });

  it('should draw another id when the one drawn is taken, and write the order once', async () => {
    const taken = await insertOrder(temp.store.db, fields(1), () => 'OD000000000000100001');
    assert.equal(taken, 'OD000000000000100001');
    const draws = ['OD000000000000100001', 'OD000000000000100002'];
    const id = await insertOrder(temp.store.db, fields(2), () => draws.shift()!);
    assert.equal(id, 'OD000000000000100002');
    const rows = await temp.store.db.selectFrom('orders').select(['id', 'created_at']).where('account_id', '=', accountId).orderBy('id').execute();
    assert.deepEqual(rows.map((r) => [r.id, Number(r.created_at)]), [['OD000000000000100001', 1], ['OD000000000000100002', 2]]);
  });

  it('should give up after its attempts rather than loop', async () => {
    let draws = 0;
    await assert.rejects(
      insertOrder(temp.store.db, fields(3), () => {
        draws++;
        return 'OD000000000000100001';
      }),
      /no free order id/,
    );
    assert.equal(draws, ORDER_ID_ATTEMPTS);
  });
});
