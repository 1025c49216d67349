/**
 * The app's start-up as a row of short tasks (decisions/0039). At a slow phone's CPU speed every
 * main-thread task over ~6 ms of a fast machine's time blocks input for more than 50 ms, and what
 * runs back to back in one task adds up: evaluating the app bundle, then starting telemetry (a
 * synchronous read of session storage, the browser's first for this page), then the outbox, then
 * the first reads of local storage and cookies inside hydration's effects. Each step here ends its
 * task, so the browser can paint and take input between them.
 */

/** Queues `callback` as a task of its own (browser's, unless a test passes its own). */
export type QueueTask = (callback: () => void) => void;

/** A message task rather than setTimeout(0): timers may be clamped or batched, messages are not. */
const messageTask: QueueTask = (callback) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
};

/** Resolves in a new task, after what is queued now. */
export function nextTask(queue: QueueTask = messageTask): Promise<void> {
  return new Promise((resolve) => queue(resolve));
}

/** Reports an error a step threw, as an uncaught error is reported (telemetry watches those). */
export type ReportError = (error: unknown) => void;

/** Runs each step in a task of its own, in order; a step that throws is reported and does not stop the others. */
export async function runInTasks(steps: ReadonlyArray<() => void>, queue: QueueTask = messageTask, report: ReportError = (error) => reportError(error)): Promise<void> {
  for (const step of steps) {
    await nextTask(queue);
    try {
      step();
    } catch (error) {
      report(error);
    }
  }
}

/**
 * Opens this page's storage areas and reads its cookies once, in a task of its own: the first
 * `localStorage` access and the first `document.cookie` read wait for the browser process, and
 * otherwise that wait lands inside hydration's effects (delivery PIN, recently viewed, the
 * signed-in hint), the longest task of a product page. Later reads are answered in the page.
 */
export function openStorage(): void {
  try {
    void window.localStorage.length;
  } catch {
    // Storage blocked (a privacy setting): the readers shrug the same way.
  }
  void document.cookie;
}
