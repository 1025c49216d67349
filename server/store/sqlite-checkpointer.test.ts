import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { startCheckpointer } from './sqlite-checkpointer';
import { createWriteBatcher } from './write-batcher';
import { useTempStore } from './testing/temp-store';

describe('startCheckpointer', () => {
  const temp = useTempStore('checkpointer-');

  const file = () => path.join(temp.dir, 'shop.sqlite');
  const pause = () => new Promise((resolve) => setImmediate(resolve));

  it('should start the log over under steady writes and lose no acknowledged commit', async () => {
    // A second worker on the same file, checkpointing every 5 ms, so turns interleave with commits many times.
    let turns = 0;
    let complete = 0;
    const errors: string[] = [];
    const checkpointer = startCheckpointer(file(), (message) => errors.push(message), {
      everyMs: 5,
      onTurn: (t, c) => {
        turns = t;
        complete = c;
      },
    });
    const batcher = createWriteBatcher(temp.store);
    const acknowledged: string[] = [];
    let next = 0;
    // 32 writers that each wait for their commit, then come back a turn of the event loop later (as requests do).
    const writer = async () => {
      while (turns < 40) {
        const name = `key-${String(next++).padStart(6, '0')}`;
        await batcher.run((trx) => trx.insertInto('shop_secrets').values({ name, value: 'x'.repeat(400), created_at: 0 }).execute());
        acknowledged.push(name);
        await pause();
      }
    };
    await Promise.all(Array.from({ length: 32 }, writer));
    await checkpointer.stop();
    assert.deepEqual(errors, []);
    // The log started over while commits kept coming.
    assert.ok(complete > 0, `no pass copied every frame back (${turns} passes)`);

    // What a kill -9 leaves: the database file and its log as they are, the shared-memory index rebuilt on open.
    const crashed = path.join(temp.dir, 'crashed');
    fs.mkdirSync(crashed);
    fs.copyFileSync(file(), path.join(crashed, 'shop.sqlite'));
    fs.copyFileSync(`${file()}-wal`, path.join(crashed, 'shop.sqlite-wal'));
    const reopened = new SqliteDatabase(path.join(crashed, 'shop.sqlite'), { readonly: true });
    try {
      const names = new Set((reopened.prepare("select name from shop_secrets where name like 'key-%'").all() as Array<{ name: string }>).map((r) => r.name));
      assert.equal(acknowledged.filter((name) => !names.has(name)).length, 0);
      assert.equal(names.size, acknowledged.length);
    } finally {
      reopened.close();
    }
  });
});
