import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore, type Store } from './database';

describe('SqliteStoreDialect', () => {
  let store: Store;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-driver-'));
    store = await openStore({ dataDir: dir });
  });
  after(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should serve callers waiting for the connection first come, first served', async () => {
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.db.transaction().execute(async (trx) => {
          started.push(i);
          await trx.selectFrom('shop_secrets').selectAll().execute();
        }),
      ),
    );
    assert.deepEqual(started, Array.from({ length: 20 }, (_, i) => i));
  });

  it('should keep other queries out of an open transaction and roll it back whole', async () => {
    const inside = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('shop_secrets').values({ name: 'x', value: 'v', created_at: 0 }).execute();
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('undo');
    });
    // Queued behind the transaction: it must not see the uncommitted row.
    const seen = await store.db.selectFrom('shop_secrets').select('name').where('name', '=', 'x').execute();
    await assert.rejects(inside, /undo/);
    assert.deepEqual(seen, []);
    assert.deepEqual(await store.db.selectFrom('shop_secrets').select('name').where('name', '=', 'x').execute(), []);
  });

  it('should answer changed rows and reuse statements across different parameters', async () => {
    for (let i = 0; i < 3; i++) await store.db.insertInto('shop_secrets').values({ name: `s${i}`, value: 'v', created_at: i }).execute();
    const result = await store.db.updateTable('shop_secrets').set({ value: 'w' }).where('created_at', '>=', 1).executeTakeFirst();
    assert.equal(result.numUpdatedRows, 2n);
    const rows = await store.db.selectFrom('shop_secrets').select(['name', 'value']).where('name', 'like', 's%').orderBy('name').execute();
    assert.deepEqual(rows, [{ name: 's0', value: 'v' }, { name: 's1', value: 'w' }, { name: 's2', value: 'w' }]);
  });
});
