import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextTask, runInTasks, type QueueTask } from './start-up-tasks';

/** A task queue the test steps by hand: a queued task runs only when the test runs it. */
function manualQueue(): QueueTask & { tasks: Array<() => void> } {
  const tasks: Array<() => void> = [];
  const queue = ((callback: () => void) => void tasks.push(callback)) as QueueTask & { tasks: Array<() => void> };
  queue.tasks = tasks;
  return queue;
}

const flushed = async (): Promise<void> => {
  await new Promise((resolve) => setImmediate(resolve));
};

describe('nextTask', () => {
  it('should resolve only once its task runs', async () => {
    const queue = manualQueue();
    let done = false;
    void nextTask(queue).then(() => (done = true));
    await flushed();
    assert.equal(done, false);
    assert.equal(queue.tasks.length, 1);
    queue.tasks.shift()!();
    await flushed();
    assert.equal(done, true);
  });
});

describe('runInTasks', () => {
  it('should run each step in a task of its own, in order', async () => {
    const queue = manualQueue();
    const ran: string[] = [];
    const all = runInTasks([() => ran.push('telemetry'), () => ran.push('outbox'), () => ran.push('storage')], queue);
    await flushed();
    assert.deepEqual(ran, [], 'nothing runs in the caller’s task');
    for (const expected of [['telemetry'], ['telemetry', 'outbox'], ['telemetry', 'outbox', 'storage']]) {
      assert.equal(queue.tasks.length, 1, 'one task queued at a time');
      queue.tasks.shift()!();
      await flushed();
      assert.deepEqual(ran, expected);
    }
    await all;
    assert.equal(queue.tasks.length, 0);
  });

  it('should run the steps after one that throws, and report its error', async () => {
    const queue = manualQueue();
    const ran: string[] = [];
    const reported: unknown[] = [];
    const all = runInTasks([() => { throw new Error('telemetry failed'); }, () => ran.push('outbox')], queue, (error) => reported.push(error));
    for (let step = 0; step < 2; step++) {
      await flushed();
      queue.tasks.shift()!();
    }
    await all;
    assert.deepEqual(ran, ['outbox']);
    assert.deepEqual(reported.map((error) => (error as Error).message), ['telemetry failed']);
  });
});
