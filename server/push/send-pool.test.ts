import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachWithLimit } from './send-pool';

describe('forEachWithLimit', () => {
  it('should never run more than the limit at once, and run every item', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    async function* items() {
      for (let i = 0; i < 50; i++) yield i;
    }
    await forEachWithLimit(items(), 4, async (i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      done.push(i);
      running--;
    });
    assert.equal(most, 4);
    assert.deepEqual([...done].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
  });

  it('should finish the others and then throw the first failure', async () => {
    const done: number[] = [];
    await assert.rejects(
      forEachWithLimit([1, 2, 3, 4], 2, async (i) => {
        if (i === 2) throw new Error('two');
        done.push(i);
      }),
      /two/,
    );
    assert.deepEqual(done, [1, 3, 4]);
  });
});
