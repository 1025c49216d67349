import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MS, RecentIds } from './recent-ids';

const DAY = 20_000 * DAY_MS;
const doc = (id: string, timestamp = DAY + 1000) => ({ id, timestamp });

/** A table kept as a list, as the engine would hold what was written. */
function store() {
  const rows: { id: string; timestamp: number }[] = [];
  const loads: number[] = [];
  const load = async (_table: string, from: number, to: number) => {
    loads.push(from);
    return rows.filter((r) => r.timestamp >= from && r.timestamp < to).map((r) => r.id);
  };
  return { rows, loads, ids: new RecentIds(load) };
}

describe('RecentIds', () => {
  it('admits each id once per table and day: within a batch, across batches, and from what the table already holds', async () => {
    const { rows, loads, ids } = store();
    rows.push(doc('old'));
    const first = await ids.admit('t', [doc('a'), doc('b'), doc('a'), doc('old')]);
    assert.deepEqual(first.fresh.map((d) => d.id), ['a', 'b']);
    first.settle(true);
    const second = await ids.admit('t', [doc('b'), doc('c'), doc('a', DAY + DAY_MS)]);
    assert.deepEqual(second.fresh.map((d) => `${d.id}@${Math.floor(d.timestamp / DAY_MS) - 20_000}`), ['c@0', 'a@1'], 'another day is another index, as in Foxtrot');
    assert.equal((await ids.admit('u', [doc('a')])).fresh.length, 1, 'another table');
    assert.deepEqual(loads, [DAY, DAY + DAY_MS, DAY], 'each day is read from the table once per table');
  });

  it('lets an id go again when its write failed, and makes a repeat wait for the write in flight', async () => {
    const { ids } = store();
    const failing = await ids.admit('t', [doc('x')]);
    const waiting = ids.admit('t', [doc('x'), doc('y')]);
    let settled = false;
    void waiting.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(settled, false, 'the repeat waits');
    failing.settle(false);
    const retried = await waiting;
    assert.deepEqual(retried.fresh.map((d) => d.id).sort(), ['x', 'y'], 'the first write failed: the repeat is written');
    retried.settle(true);
    const third = ids.admit('t', [doc('x')]);
    assert.deepEqual((await third).fresh, [], 'written now');
  });

  it('keeps a few days per table, reads a dropped day again, and forgets purged days', async () => {
    const { rows, loads, ids } = store();
    for (let d = 0; d < 6; d++) (await ids.admit('t', [doc(`d${d}`, DAY + d * DAY_MS)])).settle(true);
    rows.push(doc('d0'));
    assert.deepEqual((await ids.admit('t', [doc('d0')])).fresh, [], 'read again from the table');
    assert.equal(loads.filter((l) => l === DAY).length, 2);
    ids.forget('t', DAY + 3 * DAY_MS);
    rows.length = 0;
    assert.equal((await ids.admit('t', [doc('d1', DAY + DAY_MS)])).fresh.length, 1, 'a forgotten day is read from the table again');
  });
});
