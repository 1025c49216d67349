/** Work a tap starts that its own frame need not wait for: run it once the frame has painted. */

/** How to wait for a frame and then for a task (the browser's, unless a test passes its own). */
export interface PaintScheduler {
  frame(callback: () => void): void;
  task(callback: () => void): void;
}

const browserScheduler: PaintScheduler = {
  frame: (callback) => requestAnimationFrame(() => callback()),
  // A message task rather than setTimeout(0): timers may be clamped or batched, messages are not.
  task: (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(null);
  },
};

/**
 * Resolves after the next frame has painted: a frame callback runs just before that frame's paint,
 * and a task queued from it runs after. What a tap does after awaiting this (storage writes,
 * IndexedDB, messages to the worker) no longer stands between the tap and its paint.
 */
export function afterNextPaint(scheduler: PaintScheduler = browserScheduler): Promise<void> {
  return new Promise((resolve) => scheduler.frame(() => scheduler.task(resolve)));
}
