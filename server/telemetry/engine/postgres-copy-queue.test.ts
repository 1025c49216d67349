import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CopyQueue } from './postgres-copy-queue';

/** A runner that holds each COPY until released, counts rows as lines and refuses text holding `bad`. */
function heldRunner() {
  const calls: { target: string; text: string; release: () => void }[] = [];
  const run = (target: string, text: string) =>
    new Promise<number>((resolve, reject) => {
      calls.push({ target, text, release: () => (text.includes('bad') ? reject(new Error('refused')) : resolve(text.split('\n').length - 1)) });
    });
  return { calls, run };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('CopyQueue', () => {
  it('sends batches that arrive during a COPY into the same target as one COPY, and answers each its rows', async () => {
    const { calls, run } = heldRunner();
    const queue = new CopyQueue(run);
    const first = queue.copy('t', { text: 'a\n', rows: 1 });
    const second = queue.copy('t', { text: 'b\nc\n', rows: 2 });
    const third = queue.copy('t', { text: 'd\n', rows: 1 });
    const other = queue.copy('u', { text: 'x\n', rows: 1 });
    await tick();
    // The first COPY of each target runs at once; the others wait for `t`'s.
    assert.deepEqual(calls.map((c) => [c.target, c.text]), [['t', 'a\n'], ['u', 'x\n']]);
    calls[0]!.release();
    calls[1]!.release();
    assert.equal(await first, 1);
    assert.equal(await other, 1);
    await tick();
    assert.deepEqual(calls.slice(2).map((c) => [c.target, c.text]), [['t', 'b\nc\nd\n']]);
    calls[2]!.release();
    assert.deepEqual([await second, await third], [2, 1]);
  });

  it('retries a refused merged COPY batch by batch, so only the bad batch fails', async () => {
    const { calls, run } = heldRunner();
    const queue = new CopyQueue(run);
    const first = queue.copy('t', { text: 'a\n', rows: 1 });
    const good = queue.copy('t', { text: 'b\n', rows: 1 });
    const bad = queue.copy('t', { text: 'bad\n', rows: 1 });
    const later = queue.copy('t', { text: 'c\n', rows: 1 });
    const refused = assert.rejects(bad, /refused/);
    await tick();
    calls[0]!.release();
    assert.equal(await first, 1);
    await tick();
    assert.equal(calls[1]!.text, 'b\nbad\nc\n');
    calls[1]!.release();
    for (let i = 2; i < 5; i++) {
      await tick();
      calls[i]!.release();
    }
    assert.equal(await good, 1);
    await refused;
    assert.equal(await later, 1);
    assert.deepEqual(calls.map((c) => c.text), ['a\n', 'b\nbad\nc\n', 'b\n', 'bad\n', 'c\n']);
  });
});
