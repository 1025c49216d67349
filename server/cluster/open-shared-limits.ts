/** The one place that picks where shared limits live: Redis when REDIS_URL is set, the store otherwise. */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Store } from '../store/database';
import { redisLimits } from './redis-limits';
import type { SharedLimits } from './shared-limits';
import { storeLimits } from './store-limits';

/** Opens the limits for this configuration; with Redis, waits until it answers (a node must not start unable to count). */
export async function openSharedLimits(redisUrl: string | undefined, store: Store, logger: Logger): Promise<SharedLimits> {
  if (!redisUrl) return storeLimits(store);
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    // A request waits through a short outage, not forever: past it, it fails as a 5xx and /readyz says why.
    maxRetriesPerRequest: 2,
    connectTimeout: 5000,
  });
  let lastError = '';
  redis.on('error', (error: Error) => {
    // ioredis reconnects by itself; say so once per kind of failure, not on every retry.
    if (error.message !== lastError) logger.warn({ err: error }, 'Redis connection error');
    lastError = error.message;
  });
  redis.on('ready', () => {
    lastError = '';
  });
  await redis.connect();
  return redisLimits(redis);
}
