/** Deletes expired guest carts and cart request keys past their 24 hours, on start and then hourly, by the injected clock. */
import type { ServerDeps } from '../deps';
import { pruneCartKeys } from './cart-request-keys';
import { purgeExpiredGuestCarts } from './cart-store';

const EVERY_MS = 3600_000;

/** Starts the hourly purge; call the answer to stop it (before the store closes). */
export function scheduleGuestCartPurge(deps: ServerDeps): () => void {
  const purge = () =>
    Promise.all([purgeExpiredGuestCarts(deps.store.db, deps.now()), pruneCartKeys(deps.store.db, deps.now())]).then(
      ([deleted, keys]) => (deleted > 0 || keys > 0) && deps.logger.info({ deleted, keys }, 'deleted expired guest carts and cart request keys'),
      (err: unknown) => deps.logger.warn({ err }, 'could not delete expired guest carts or cart request keys'),
    );
  void purge();
  const timer = setInterval(() => void purge(), EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
