/**
 * The shared limits in Redis (REDIS_URL): the hot tier, so rate limits cost no store write. Every
 * check-and-count is one Lua script (`defineCommand`), which Redis runs atomically: two nodes
 * racing on one key see each other's counts.
 */
import crypto from 'node:crypto';
import type { Redis } from 'ioredis';
import { FAILURE_MEMORY_MS, type SharedLimits } from './shared-limits';

/** Sliding window as a sorted set of event times: drop what aged out, count, maybe add. ARGV: now, windowMs, max, member, add (1/0). */
const WINDOW = `
local now, window, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
if n >= max then
  local at = redis.call('ZRANGE', KEYS[1], n - max, n - max, 'WITHSCORES')
  return math.max(1, tonumber(at[2]) + window - now)
end
if ARGV[5] == '1' then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
end
return -1
`;

/** Records an event whatever the count, keeping the newest `max`. ARGV: now, windowMs, max, member. */
const RECORD = `
redis.call('ZADD', KEYS[1], tonumber(ARGV[1]), ARGV[4])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[3]) - 1)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1
`;

/** Token buckets, all or none. KEYS: buckets; ARGV: now, cost, then capacity and perMs per bucket. */
const SPEND = `
local now, cost = tonumber(ARGV[1]), tonumber(ARGV[2])
local waits, left, blocked = {}, {}, false
for i, key in ipairs(KEYS) do
  local capacity, perMs = tonumber(ARGV[1 + 2 * i]), tonumber(ARGV[2 + 2 * i])
  local saved = redis.call('HMGET', key, 't', 'at')
  local tokens, at = tonumber(saved[1]) or capacity, tonumber(saved[2]) or now
  if now > at then tokens = math.min(capacity, tokens + (now - at) * perMs) end
  left[i] = tokens
  waits[i] = 0
  -- A cost above the capacity passes on a full bucket, so the wait, not the shortfall, decides.
  if tokens < cost then waits[i] = math.ceil((math.min(cost, capacity) - tokens) / perMs) end
  if waits[i] > 0 then blocked = true end
end
if not blocked then
  for i, key in ipairs(KEYS) do
    local capacity, perMs = tonumber(ARGV[1 + 2 * i]), tonumber(ARGV[2 + 2 * i])
    redis.call('HSET', key, 't', string.format('%.17g', left[i] - cost), 'at', string.format('%d', now))
    -- Forgotten once it would be full again: a missing bucket is a full one.
    redis.call('PEXPIRE', key, math.ceil(capacity / perMs) + 1000)
  end
end
return waits
`;

interface Scripts {
  sfWindow(key: string, now: number, windowMs: number, max: number, member: string, add: '0' | '1'): Promise<number>;
  sfRecord(key: string, now: number, windowMs: number, max: number, member: string): Promise<number>;
  sfSpend(keyCount: number, ...args: (string | number)[]): Promise<number[]>;
}

/** Limits in the Redis that `redis` is connected to; keys start with `prefix`. Closing them closes `redis`. */
export function redisLimits(redis: Redis, prefix = 'sf:'): SharedLimits {
  redis.defineCommand('sfWindow', { numberOfKeys: 1, lua: WINDOW });
  redis.defineCommand('sfRecord', { numberOfKeys: 1, lua: RECORD });
  redis.defineCommand('sfSpend', { lua: SPEND });
  const scripts = redis as unknown as Scripts;
  const windowKey = (key: string) => `${prefix}w:${key}`;
  const failureKey = (key: string) => `${prefix}f:${key}`;
  const member = () => crypto.randomUUID();
  const wait = (answer: number) => (answer < 0 ? null : answer);

  return {
    kind: 'redis',
    async take(key, limit, now) {
      return wait(await scripts.sfWindow(windowKey(key), now, limit.windowMs, limit.max, member(), '1'));
    },
    async blockedFor(key, limit, now) {
      return wait(await scripts.sfWindow(windowKey(key), now, limit.windowMs, limit.max, member(), '0'));
    },
    async record(key, limit, now) {
      await scripts.sfRecord(windowKey(key), now, limit.windowMs, limit.max, member());
    },
    async forget(key) {
      await redis.del(windowKey(key));
    },
    async spend(buckets, cost, now) {
      const keys = buckets.map((b) => `${prefix}b:${b.key}`);
      const args = buckets.flatMap((b) => [String(b.capacity), String(b.perMs)]);
      return (await scripts.sfSpend(keys.length, ...keys, now, cost, ...args)).map(Number);
    },
    async countFailure(key, now) {
      const [[, count]] = (await redis.multi().hincrby(failureKey(key), 'n', 1).hset(failureKey(key), 'at', now).pexpire(failureKey(key), FAILURE_MEMORY_MS).exec()) as [[unknown, number]];
      return Number(count);
    },
    async lockUntil(key, until) {
      await redis.hset(failureKey(key), 'until', until);
    },
    async lockedUntil(key) {
      return Number((await redis.hget(failureKey(key), 'until')) ?? 0);
    },
    async clearFailures(keys) {
      if (keys.length > 0) await redis.del(...keys.map(failureKey));
    },
    async ping() {
      await redis.ping();
    },
    // Every key carries its own expiry.
    async prune() {},
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
