/**
 * Tells the catalog's in-memory views which products' pictures changed: at once after an
 * operator's upload (they expect to see it), and at most every few seconds while seeded drawings
 * are being turned into photos in the background, so a busy queue does not make the caches rebuild
 * again and again. The notice names the products (decisions/0030): only the answers showing their
 * pictures are rebuilt, and every other page's answer, and the lead picture its shell names
 * (decisions/0025), stays as it was.
 */
import { notifyCatalogChanged } from '../catalog/catalog-events';
import type { Store } from '../store/database';

const BATCH_MS = 3000;

/** Batches "these products' pictures changed" notices of background work; `now()` sends one at once. */
export class CatalogRefresh {
  private timer: NodeJS.Timeout | null = null;
  private readonly pending = new Set<string>();

  constructor(private readonly store: Store) {}

  /** Notifies within BATCH_MS that `productId`'s pictures changed, together with whatever else changes meanwhile. */
  soon(productId: string): void {
    this.pending.add(productId);
    if (this.timer) return;
    this.timer = setTimeout(() => void this.now(), BATCH_MS);
    this.timer.unref();
  }

  /** Notifies now for `productIds` and whatever was pending (a pending batched notice goes with this one). */
  async now(productIds: readonly string[] = []): Promise<void> {
    const pictures = [...new Set([...this.pending, ...productIds])];
    this.cancel();
    if (pictures.length > 0) await notifyCatalogChanged(this.store, { products: [], pictures });
  }

  /** Sends a pending batched notice now, if there is one. */
  async flush(): Promise<void> {
    if (this.timer) await this.now();
  }

  /** Drops a pending batched notice. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
