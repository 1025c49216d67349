import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterNextPaint, type PaintScheduler } from './after-next-paint';

/** A scheduler the test steps by hand: frames and tasks run only when flushed. */
function manualScheduler(): PaintScheduler & { frames: Array<() => void>; tasks: Array<() => void> } {
  const frames: Array<() => void> = [];
  const tasks: Array<() => void> = [];
  return { frames, tasks, frame: (callback) => frames.push(callback), task: (callback) => tasks.push(callback) };
}

const flushed = async (): Promise<void> => {
  await new Promise((resolve) => setImmediate(resolve));
};

describe('afterNextPaint', () => {
  it('should not resolve before the frame, nor in the frame callback itself', async () => {
    const scheduler = manualScheduler();
    let done = false;
    void afterNextPaint(scheduler).then(() => (done = true));
    await flushed();
    assert.equal(done, false);
    scheduler.frames.shift()!();
    await flushed();
    assert.equal(done, false, 'a frame callback runs before the paint');
  });

  it('should resolve in the task queued from the frame, after the paint', async () => {
    const scheduler = manualScheduler();
    let done = false;
    void afterNextPaint(scheduler).then(() => (done = true));
    scheduler.frames.shift()!();
    assert.equal(scheduler.tasks.length, 1);
    scheduler.tasks.shift()!();
    await flushed();
    assert.equal(done, true);
  });
});
