import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openStore } from './database';
import { createWriteBatcher, MAX_BATCH } from './write-batcher';
import { useTempStore } from './testing/temp-store';

describe('createWriteBatcher (SQLite)', () => {
  const temp = useTempStore('batcher-');

  const secret = (name: string) => ({ name, value: 'v', created_at: 0 });
  const names = async () => (await temp.store.db.selectFrom('shop_secrets').select('name').orderBy('name').execute()).map((r) => r.name);

  it('should commit the jobs that succeed and roll back only the ones that throw', async () => {
    const batcher = createWriteBatcher(temp.store);
    const results = await Promise.allSettled([
      batcher.run((trx) => trx.insertInto('shop_secrets').values(secret('a')).execute()),
      batcher.run(async (trx) => {
        await trx.insertInto('shop_secrets').values(secret('b')).execute();
        throw new Error('refused');
      }),
      batcher.run((trx) => trx.insertInto('shop_secrets').values(secret('c')).execute()),
      // A constraint failure inside a job is that job's alone.
      batcher.run((trx) => trx.insertInto('shop_secrets').values(secret('a')).execute()),
    ]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    assert.deepEqual(await names(), ['a', 'c']);
  });

  it('should share commits between jobs that arrive together, at most MAX_BATCH a commit', async () => {
    const batcher = createWriteBatcher(temp.store);
    let ran = 0;
    const jobs = Array.from({ length: MAX_BATCH + 5 }, (_, i) =>
      batcher.run(async (trx) => {
        ran++;
        await trx.insertInto('shop_secrets').values(secret(`batch-${String(i).padStart(2, '0')}`)).execute();
      }),
    );
    // A job is answered after its batch's commit: by then the whole first batch, and no more, has run.
    assert.equal(await jobs[0]!.then(() => ran), MAX_BATCH);
    await Promise.all(jobs);
    assert.equal((await names()).filter((n) => n.startsWith('batch-')).length, MAX_BATCH + 5);
  });

  it('should give the event loop a turn between batches, so a request read meanwhile joins the next batch', async () => {
    const batcher = createWriteBatcher(temp.store);
    const transactionOf = new Map<string, unknown>();
    const job = (name: string) =>
      batcher.run(async (trx) => {
        transactionOf.set(name, trx);
        await trx.insertInto('shop_secrets').values(secret(name)).execute();
      });
    const queued = Array.from({ length: MAX_BATCH + 5 }, (_, i) => job(`fair-${i}`));
    // Arrives after the first batch's commit, as a request read in the next turn would.
    const late = queued[0]!.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => job('fair-late'));
    await Promise.all([...queued, late]);
    // Run back to back, the batches would have drained the queue before the late job was queued: it would have had a commit of its own.
    assert.equal(transactionOf.get('fair-late'), transactionOf.get(`fair-${MAX_BATCH + 4}`));
    assert.notEqual(transactionOf.get('fair-late'), transactionOf.get('fair-0'));
  });

  it('should keep the savepoints\' page copies in memory, not in a temporary file', { skip: fs.existsSync('/proc/self/fd') ? false : 'no /proc' }, async () => {
    const batcher = createWriteBatcher(temp.store);
    await batcher.run((trx) => trx.insertInto('shop_secrets').values(Array.from({ length: 200 }, (_, i) => ({ ...secret(`journal-${i}`), value: 'x'.repeat(2000) }))).execute());
    // SQLite's temporary files are unlinked as soon as they are opened: only an open descriptor shows them.
    const temporaryFiles = () => fs.readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return /etilqs_/.test(fs.readlinkSync(`/proc/self/fd/${fd}`));
      } catch {
        return false; // closed meanwhile
      }
    });
    let seen: string[] = [];
    // Each job changes pages all over the table, so the batch's page copies pass SQLite's 64 KB spill mark many times over.
    await Promise.all(
      Array.from({ length: 8 }, (_, job) =>
        batcher.run(async (trx) => {
          await trx.updateTable('shop_secrets').set({ value: 'y'.repeat(2000 + job) }).where('name', 'like', 'journal-%').execute();
          seen = [...seen, ...temporaryFiles()];
        }),
      ),
    );
    assert.deepEqual(seen, []);
  });

  it('should answer a job only after its batch is committed', async () => {
    const batcher = createWriteBatcher(temp.store);
    await batcher.run((trx) => trx.insertInto('shop_secrets').values(secret('durable')).execute());
    // A second connection sees it: it is committed, not just written inside an open transaction.
    const other = await openStore({ dataDir: temp.dir });
    try {
      assert.equal((await other.db.selectFrom('shop_secrets').select('name').where('name', '=', 'durable').execute()).length, 1);
    } finally {
      await other.close();
    }
  });
});
