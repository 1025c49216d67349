import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterNextPaint, onNextPaint, type PaintScheduler } from './after-next-paint';

/** A scheduler the test steps by hand: frames and tasks run only when flushed. */
function manualScheduler(): PaintScheduler & { frames: Array<() => void>; tasks: Array<() => void> } {
  const frames: Array<() => void> = [];
  const tasks: Array<() => void> = [];
  const queue = (list: Array<() => void>) => (callback: () => void) => {
    list.push(callback);
    return () => list.splice(list.indexOf(callback), 1);
  };
  return { frames, tasks, frame: queue(frames), task: queue(tasks) };
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

  it('should not run a cancelled callback, whether cancelled before the frame or between frame and task', () => {
    const scheduler = manualScheduler();
    let runs = 0;
    onNextPaint(() => runs++, scheduler)();
    assert.equal(scheduler.frames.length, 0);
    const cancel = onNextPaint(() => runs++, scheduler);
    scheduler.frames.shift()!();
    cancel();
    assert.equal(scheduler.tasks.length, 0);
    assert.equal(runs, 0);
  });
});
