/**
 * Standing down, for the kill switch: once a page says the worker is going away, the runtime
 * caches take no more writes, and when every request the worker is still answering has finished,
 * every cache is deleted once more.
 *
 * Why both: the page deletes the caches itself, but a cache-first picture the worker is still
 * fetching (pictures are made on demand, so under load that takes seconds) would otherwise be put
 * into its cache after those deletions and bring the cache back with no worker left to use it.
 */
import type { WorkboxPlugin } from 'workbox-core/types';

/** The caches the stand-down deletes, and how it finds their names. */
export type CacheStore = Pick<CacheStorage, 'keys' | 'delete'>;

export interface StandDown {
  /** Goes on every runtime strategy: counts the requests in flight, refuses writes once standing down. */
  readonly plugin: WorkboxPlugin;
  /** Stops every later write; resolves once the requests in flight are done and every cache is gone. */
  standDown(): Promise<void>;
  /** Whether writes are refused. */
  readonly standingDown: boolean;
}

/**
 * Past this, a request still in flight (a network that never answers) no longer holds the deletion
 * back: with writes refused it cannot write anyway, unless it was already writing that long.
 */
export const STAND_DOWN_WAIT_MS = 30_000;

export function createStandDown(store: CacheStore, waitAtMost = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))): StandDown {
  let standingDown = false;
  let inFlight = 0;
  let settled: Array<() => void> = [];

  const finished = () => {
    inFlight -= 1;
    if (inFlight > 0) return;
    const waiting = settled;
    settled = [];
    for (const resolve of waiting) resolve();
  };
  const allFinished = () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => settled.push(resolve)));

  const plugin: WorkboxPlugin = {
    handlerWillStart: async () => {
      inFlight += 1;
    },
    // Workbox runs this for every handler, answered, failed or refused, after its cache writes.
    handlerDidComplete: async () => {
      finished();
    },
    cacheWillUpdate: async ({ response }) => (standingDown ? null : response),
  };

  return {
    plugin,
    get standingDown() {
      return standingDown;
    },
    async standDown() {
      standingDown = true;
      await Promise.race([allFinished(), waitAtMost(STAND_DOWN_WAIT_MS)]);
      const names = await store.keys();
      await Promise.all(names.map((name) => store.delete(name)));
    },
  };
}
