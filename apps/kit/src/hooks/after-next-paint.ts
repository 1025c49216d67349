/** Work a tap starts that its own frame need not wait for: run it once the frame has painted. */

/** How to wait for a frame and then for a task (the browser's, unless a test passes its own). Each returns its cancel. */
export interface PaintScheduler {
  frame(callback: () => void): () => void;
  task(callback: () => void): () => void;
}

const browserScheduler: PaintScheduler = {
  frame: (callback) => {
    const id = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(id);
  },
  // A message task rather than setTimeout(0): timers may be clamped or batched, messages are not.
  task: (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(null);
    return () => channel.port1.close();
  },
};

/**
 * Runs `callback` after the next frame has painted: a frame callback runs just before that frame's
 * paint, and a task queued from it runs after. Returns a function that cancels the wait (an
 * unmounted component's work must not run).
 */
export function onNextPaint(callback: () => void, scheduler: PaintScheduler = browserScheduler): () => void {
  let cancel = scheduler.frame(() => {
    cancel = scheduler.task(callback);
  });
  return () => cancel();
}

/**
 * Resolves after the next frame has painted. What a tap does after awaiting this (storage writes,
 * IndexedDB, messages to the worker) no longer stands between the tap and its paint.
 */
export function afterNextPaint(scheduler: PaintScheduler = browserScheduler): Promise<void> {
  return new Promise((resolve) => onNextPaint(resolve, scheduler));
}
