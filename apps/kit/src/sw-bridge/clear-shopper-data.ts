/**
 * Sign-out on a shared device: asks the service worker to delete its runtime caches (the searches
 * and products the shopper looked at) and waits for its answer, for at most two seconds, so a
 * slow or missing worker never holds up leaving.
 */
import type { PageToWorker, WorkerToPage } from '../../../../shared/sw-release';

const ANSWER_WITHIN_MS = 2000;

/** Resolves once the worker's runtime caches are gone, or when there is no worker to ask. */
export async function clearWorkerCaches(): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  const worker = registration?.active ?? navigator.serviceWorker.controller;
  if (!worker) return;
  const channel = new MessageChannel();
  const answered = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ANSWER_WITHIN_MS);
    channel.port1.onmessage = (event: MessageEvent<WorkerToPage>) => {
      if (event.data?.type !== 'SHOPPER_DATA_CLEARED') return;
      clearTimeout(timer);
      resolve();
    };
  });
  worker.postMessage({ type: 'CLEAR_SHOPPER_DATA' } satisfies PageToWorker, [channel.port2]);
  await answered;
  channel.port1.close();
}
