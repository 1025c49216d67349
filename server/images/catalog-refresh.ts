/**
 * Tells the catalog's in-memory views that photos changed: at once after an operator's upload (they
 * expect to see it), and at most every few seconds while seeded drawings are being turned into
 * photos in the background, so a busy queue does not make every cache rebuild again and again.
 */
import { notifyCatalogChanged } from '../catalog/catalog-events';
import type { Store } from '../store/database';

const BATCH_MS = 3000;

/** Batches "the catalog changed" notices of background work; `now()` sends one at once. */
export class CatalogRefresh {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly store: Store) {}

  /** Notifies within BATCH_MS, together with whatever else changes meanwhile. */
  soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.now(), BATCH_MS);
    this.timer.unref();
  }

  /** Notifies now (and drops a pending batched notice, which this one covers). */
  async now(): Promise<void> {
    this.cancel();
    await notifyCatalogChanged(this.store);
  }

  /** Sends a pending batched notice now, if there is one. */
  async flush(): Promise<void> {
    if (this.timer) await this.now();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
