/** Deletes expired guest carts on start and then hourly, by the injected clock. */
import type { ServerDeps } from '../deps';
import { purgeExpiredGuestCarts } from './cart-store';

const EVERY_MS = 3600_000;

/** Starts the hourly purge; call the answer to stop it (before the store closes). */
export function scheduleGuestCartPurge(deps: ServerDeps): () => void {
  const purge = () =>
    purgeExpiredGuestCarts(deps.store.db, deps.now()).then(
      (deleted) => deleted > 0 && deps.logger.info({ deleted }, 'deleted expired guest carts'),
      (err: unknown) => deps.logger.warn({ err }, 'could not delete expired guest carts'),
    );
  void purge();
  const timer = setInterval(() => void purge(), EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
