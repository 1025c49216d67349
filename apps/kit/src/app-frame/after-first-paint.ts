/**
 * Waits for the browser to paint what the server sent before the app's heavy work starts
 * (decisions/0030): the shell, and the lead picture it carries (0025), paint before hydration
 * takes the main thread, and a page-load trace shows the largest paint ahead of the scripts' work.
 */
import { afterNextPaint } from '../hooks/after-next-paint';

/** Resolves in the first task after the next painted frame; at once in a hidden page, which paints no frames. */
export function afterFirstPaint(doc: Pick<Document, 'visibilityState'> = document): Promise<void> {
  // A page opened in a background tab gets no frames until it is shown: waiting would leave it
  // unhydrated (and its telemetry and worker unstarted) for as long as it stays hidden.
  return doc.visibilityState === 'hidden' ? Promise.resolve() : afterNextPaint();
}
