import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { affectedRows, preparedQuery, row } from './prepared-query';
import { useTempStore } from './testing/temp-store';

describe('preparedQuery (SQLite)', () => {
  const temp = useTempStore('prepared-');

  type Secret = { name: string; value: string; created_at: number };
  let builds = 0;
  const insertSecret = preparedQuery((db, p: Secret) => {
    builds++;
    return db.insertInto('shop_secrets').values(row(p, ['name', 'value', 'created_at']));
  });
  // `0` is written into the query itself: it stays a constant whatever the values.
  const secretsAfter = preparedQuery((db, p: { prefix: string }) =>
    db.selectFrom('shop_secrets').select(['name', 'value']).where('name', 'like', p.prefix).where('created_at', '>', 0).orderBy('name'),
  );
  const renameValue = preparedQuery((db, p: { name: string; value: string }) => db.updateTable('shop_secrets').set({ value: p.value }).where('name', '=', p.name));

  it('should build the query once and run it with each call’s values', async () => {
    await insertSecret(temp.store.db, { name: 'pq-a', value: 'one', created_at: 1 });
    await insertSecret(temp.store.db, { name: 'pq-b', value: 'two', created_at: 2 });
    await insertSecret(temp.store.db, { name: 'pq-zero', value: 'none', created_at: 0 });
    assert.equal(builds, 1);
    assert.deepEqual((await secretsAfter(temp.store.db, { prefix: 'pq-%' })).rows, [
      { name: 'pq-a', value: 'one' },
      { name: 'pq-b', value: 'two' },
    ]);
  });

  it('should count the rows a write changed', async () => {
    assert.equal(affectedRows(await renameValue(temp.store.db, { name: 'pq-a', value: 'uno' })), 1);
    assert.equal(affectedRows(await renameValue(temp.store.db, { name: 'pq-missing', value: 'x' })), 0);
    assert.deepEqual((await secretsAfter(temp.store.db, { prefix: 'pq-a' })).rows, [{ name: 'pq-a', value: 'uno' }]);
  });

  it('should run inside a transaction, and roll back with it', async () => {
    await assert.rejects(
      temp.store.db.transaction().execute(async (trx) => {
        await insertSecret(trx, { name: 'pq-tx', value: 'v', created_at: 5 });
        assert.equal((await secretsAfter(trx, { prefix: 'pq-tx' })).rows.length, 1);
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.equal((await secretsAfter(temp.store.db, { prefix: 'pq-tx' })).rows.length, 0);
  });

  it('should wait for a transaction that holds the connection, never reading its uncommitted rows', async () => {
    let reopen!: () => void;
    const gate = new Promise<void>((resolve) => (reopen = resolve));
    const inside = temp.store.db.transaction().execute(async (trx) => {
      await insertSecret(trx, { name: 'pq-held', value: 'v', created_at: 6 });
      await gate; // the transaction holds the connection across a wait, as one awaiting other work does
      throw new Error('undo');
    });
    await new Promise((resolve) => setImmediate(resolve));
    let answered = false;
    const outside = secretsAfter(temp.store.db, { prefix: 'pq-held' }).then((result) => ((answered = true), result));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(answered, false, 'queued behind the transaction, not run on its connection meanwhile');
    reopen();
    await assert.rejects(inside, /undo/);
    assert.deepEqual((await outside).rows, []);
  });

  it('should refuse a call that leaves a value out, rather than run with a stand-in', async () => {
    await assert.rejects(insertSecret(temp.store.db, { name: 'pq-c', value: 'v' } as Secret), /no value for created_at/);
    assert.equal((await secretsAfter(temp.store.db, { prefix: 'pq-c' })).rows.length, 0);
  });
});
