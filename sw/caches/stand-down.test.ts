import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createStandDown, STAND_DOWN_WAIT_MS, type CacheStore } from './stand-down';

/** A cache storage of names only, enough for keys and delete. */
function cacheNames(...names: string[]): CacheStore & { names: Set<string> } {
  const present = new Set(names);
  return {
    names: present,
    keys: async () => [...present],
    delete: async (name: string) => present.delete(name),
  };
}

const response = new Response('photo');
const request = new Request('https://shop.test/img/p1.webp');
const never = () => new Promise<void>(() => undefined);

/** The plugin's hooks as workbox calls them for one handler. */
function hooks(standDown: ReturnType<typeof createStandDown>) {
  const { handlerWillStart, handlerDidComplete, cacheWillUpdate } = standDown.plugin;
  const event = {} as ExtendableEvent;
  const state = {};
  return {
    start: () => handlerWillStart!({ request, event, state }),
    complete: () => handlerDidComplete!({ request, event, state, response }),
    write: () => cacheWillUpdate!({ request, response, event, state }),
  };
}

describe('createStandDown', () => {
  it('should let writes through until the page says stand down, and refuse them after', async () => {
    const store = cacheNames('sf-images-v1');
    const standDown = createStandDown(store, never);
    const handler = hooks(standDown);
    assert.equal(await handler.write(), response);
    await standDown.standDown();
    assert.equal(standDown.standingDown, true);
    assert.equal(await handler.write(), null);
  });

  it('should delete every cache only after the requests in flight are done', async () => {
    const store = cacheNames('sf-images-v1', 'sf-precache-v1');
    const standDown = createStandDown(store, never);
    const slowPhoto = hooks(standDown);
    await slowPhoto.start();
    const done = standDown.standDown();
    // The photo's answer arrives after the page's own deletions: refused, and the caches wait for it.
    store.names.clear();
    assert.equal(await slowPhoto.write(), null);
    store.names.add('sf-images-v1'); // a write that had passed the check before the stand-down
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual([...store.names], ['sf-images-v1']);
    await slowPhoto.complete();
    await done;
    assert.deepEqual([...store.names], []);
  });

  it('should not wait forever for a request whose network never answers', async () => {
    const store = cacheNames('sf-catalog-v1');
    const waits: number[] = [];
    const standDown = createStandDown(store, async (ms) => {
      waits.push(ms);
    });
    await hooks(standDown).start();
    await standDown.standDown();
    assert.deepEqual(waits, [STAND_DOWN_WAIT_MS]);
    assert.deepEqual([...store.names], []);
  });
});
