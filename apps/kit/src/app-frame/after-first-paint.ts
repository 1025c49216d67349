/**
 * Waits for the browser to paint what the server sent before the app's heavy work starts
 * (decisions/0030). A frame callback runs just before a frame paints; a task posted from it runs
 * after that paint. So the shell, and the lead picture it carries (0025), paint before hydration
 * takes the main thread, and a page-load trace shows the largest paint ahead of the scripts' work.
 */

/** Resolves in the first task after the next painted frame; at once in a hidden page, which paints no frames. */
export function afterFirstPaint(doc: Pick<Document, 'visibilityState'> = document): Promise<void> {
  // A page opened in a background tab gets no frames until it is shown: waiting would leave it
  // unhydrated (and its telemetry and worker unstarted) for as long as it stays hidden.
  if (doc.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      // A message task rather than setTimeout(0): timers may be clamped or batched, messages are not.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  });
}
