/**
 * Update checks for pages left open: the shop is a single-page app, so a tab can live for days
 * without the navigation that makes the browser look for a new `/sw.js`. While the page is in
 * view it asks once an hour, and again on coming back into view after an hour away; a new worker
 * found this way installs and raises the usual prompt.
 */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface UpdateCheckDeps {
  /** `registration.update()`. */
  update(): Promise<unknown>;
  isVisible(): boolean;
  /** Calls `listener` whenever the page becomes visible; returns how to stop. */
  onVisible(listener: () => void): () => void;
  now(): number;
}

/** Starts the checks; returns how to stop them. */
export function scheduleUpdateChecks(deps: UpdateCheckDeps, interval = UPDATE_CHECK_INTERVAL_MS): () => void {
  let last = deps.now();
  const check = (): void => {
    if (!deps.isVisible() || deps.now() - last < interval) return;
    last = deps.now();
    // Offline or a server hiccup: the next check tries again.
    deps.update().catch(() => undefined);
  };
  // Timers in background tabs are throttled, so the clock, not the tick count, decides.
  const timer = setInterval(check, interval / 4);
  const stopVisible = deps.onVisible(check);
  return () => {
    clearInterval(timer);
    stopVisible();
  };
}

/** The checks for a live registration in this document. */
export function scheduleRegistrationChecks(registration: ServiceWorkerRegistration): () => void {
  return scheduleUpdateChecks({
    update: () => registration.update(),
    isVisible: () => document.visibilityState === 'visible',
    onVisible: (listener) => {
      const handler = (): void => {
        if (document.visibilityState === 'visible') listener();
      };
      document.addEventListener('visibilitychange', handler);
      return () => document.removeEventListener('visibilitychange', handler);
    },
    now: () => Date.now(),
  });
}
