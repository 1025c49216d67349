/**
 * One contract, both implementations: the store's (SQLite) always, on PostgreSQL too with
 * `TEST_DATABASE_URL`, Redis's when `redis-server` is installed (started here on a free port, with
 * nothing saved to disk).
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { openStore, type Store } from '../store/database';
import { redisLimits } from './redis-limits';
import type { SharedLimits } from './shared-limits';
import { storeLimits } from './store-limits';

const T0 = 1_700_000_000_000;
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const kinds: { name: string; open: () => Promise<{ limits: SharedLimits; close: () => Promise<void> }> }[] = [
  {
    name: 'store',
    async open() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limits-'));
      const store: Store = await openStore({ dataDir: dir });
      return { limits: storeLimits(store), close: async () => (await store.close(), fs.rmSync(dir, { recursive: true, force: true })) };
    },
  },
];
if (process.env.TEST_DATABASE_URL) {
  kinds.push({
    name: 'store on PostgreSQL',
    async open() {
      const schema = `limits_${crypto.randomBytes(6).toString('hex')}`;
      const store: Store = await openStore({ dataDir: os.tmpdir(), databaseUrl: process.env.TEST_DATABASE_URL, databaseSchema: schema });
      return {
        limits: storeLimits(store),
        close: async () => {
          await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(store.db);
          await store.close();
        },
      };
    },
  });
}
if (hasRedis) {
  kinds.push({
    name: 'redis',
    async open() {
      const port = await freePort();
      const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      const redis = new Redis({ port, host: '127.0.0.1', retryStrategy: (n) => (n > 100 ? null : 50) });
      // Refused connections while the server starts are retried; only the last word counts.
      redis.on('error', () => {});
      await new Promise((resolve, reject) => redis.once('ready', resolve).once('end', reject));
      const limits = redisLimits(redis);
      return {
        limits,
        close: async () => {
          await limits.close();
          child.kill();
        },
      };
    },
  });
} else {
  console.log('# redis-server is not installed: the Redis limits are not tested here');
}

for (const kind of kinds) {
  describe(`shared limits (${kind.name})`, () => {
    let limits: SharedLimits;
    let close: () => Promise<void>;
    before(async () => ({ limits, close } = await kind.open()));
    after(() => close());
    const window = { max: 3, windowMs: 60_000 };

    it('should take up to max events per sliding window, then say when the oldest ages out', async () => {
      assert.equal(await limits.take('w1', window, T0), null);
      assert.equal(await limits.take('w1', window, T0 + 10_000), null);
      assert.equal(await limits.take('w1', window, T0 + 20_000), null);
      assert.equal(await limits.take('w1', window, T0 + 30_000), 30_000);
      // A refused event is not counted: once the first ages out, one more goes through.
      assert.equal(await limits.take('w1', window, T0 + 60_000), null);
      assert.equal(await limits.take('w1', window, T0 + 60_001), 9_999);
      assert.equal(await limits.take('other', window, T0 + 60_001), null);
    });

    it('should never let racing takes past the limit', async () => {
      const answers = await Promise.all(Array.from({ length: 20 }, () => limits.take('race', window, T0)));
      assert.equal(answers.filter((a) => a === null).length, 3);
    });

    it('should record and forget failures by key, blocking at max', async () => {
      for (let i = 0; i < 2; i++) await limits.record('g', window, T0 + i);
      assert.equal(await limits.blockedFor('g', window, T0 + 5), null);
      await limits.record('g', window, T0 + 2);
      assert.equal(await limits.blockedFor('g', window, T0 + 5), 60_000 - 5);
      await limits.forget('g');
      assert.equal(await limits.blockedFor('g', window, T0 + 5), null);
    });

    it('should spend from every bucket or none, refilling at the rate', async () => {
      const own = { key: 'own', capacity: 100, perMs: 1 };
      const all = { key: 'all', capacity: 150, perMs: 1 };
      assert.deepEqual(await limits.spend([own, all], 100, T0), [0, 0]);
      assert.deepEqual(await limits.spend([own, all], 10, T0), [10, 0]);
      // Refused by `own`, so `all` kept its 50.
      assert.deepEqual(await limits.spend([{ ...own, key: 'own2' }, all], 50, T0), [0, 0]);
      assert.deepEqual(await limits.spend([own, all], 10, T0 + 10), [0, 0]);
      // Never more than the capacity; a cost above it passes only on a full bucket.
      assert.deepEqual(await limits.spend([own], 150, T0 + 1_000_000), [0]);
      assert.deepEqual(await limits.spend([own], 1, T0 + 1_000_000), [51]);
    });

    it('should never let racing spends past a bucket, shared or not', async () => {
      const bucket = (key: string) => ({ key, capacity: 100, perMs: 0.000001 });
      const all = bucket('race-all');
      // The buckets exist first (a first spend makes them), then 200 spends race for 99 spends' worth.
      for (let i = 0; i < 3; i++) assert.deepEqual(await limits.spend([bucket(`race-${i}`), all], i === 0 ? 1 : 0, T0), [0, 0]);
      const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => limits.spend([bucket(`race-${i % 3}`), all], 1, T0)));
      assert.equal(answers.filter((waits) => waits.every((w) => w === 0)).length, 99);
      // A refused spend says how long `all` takes to hold 1 again; `all` is empty, each address's bucket paid for its own.
      assert.ok(answers.every((waits) => waits[1] === 0 || waits[1] === 1_000_000));
      assert.deepEqual(await limits.spend([all], 1, T0), [1_000_000]);
      const paid = answers.filter((waits, i) => i % 3 === 1 && waits[1] === 0).length;
      assert.deepEqual(await limits.spend([bucket('race-1')], 100, T0), [paid * 1_000_000]);
    });

    it('should count consecutive failures, lock, and clear', async () => {
      assert.equal(await limits.countFailure('f', T0), 1);
      assert.equal(await limits.countFailure('f', T0), 2);
      assert.equal(await limits.lockedUntil('f'), 0);
      await limits.lockUntil('f', T0 + 30_000);
      assert.equal(await limits.lockedUntil('f'), T0 + 30_000);
      await limits.clearFailures(['f']);
      assert.equal(await limits.lockedUntil('f'), 0);
      assert.equal(await limits.countFailure('f', T0), 1);
      await limits.ping();
    });
  });
}
