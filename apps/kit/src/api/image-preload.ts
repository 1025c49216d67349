/**
 * Starts the first visible pictures of a page the moment its data arrives, before React renders
 * the cards that show them: `<link rel=preload as=image>` with the same `srcset` and `sizes` the
 * pictures use (so the browser reuses the response), the page's largest one at high priority.
 */
import type { BrowseResult, HomeResult, Product, ProductImage } from '../../../../shared/api-types';
import { preloadHint, type ImageUse } from '../../../../shared/product-images';

/** A picture worth fetching ahead, where it is shown, and whether it is the page's largest. */
export interface PreloadItem {
  image: ProductImage;
  use: ImageUse;
  high: boolean;
}

/** Cards visible without scrolling on a phone: the first two rows of a grid, three cards of a rail. */
const GRID_VISIBLE = 4;
const RAIL_VISIBLE = 3;

/** The pictures a page shows first, found by the shape of its API answer (none for other answers). */
export function firstVisibleImages(data: unknown): PreloadItem[] {
  if (!data || typeof data !== 'object') return [];
  const product = data as Partial<Product>;
  if (Array.isArray(product.images) && Array.isArray(product.variants)) {
    return product.images[0] ? [{ image: product.images[0], use: 'gallery', high: true }] : [];
  }
  const home = data as Partial<HomeResult>;
  if (Array.isArray(home.deals)) return home.deals.slice(0, RAIL_VISIBLE).map((p, n) => ({ image: p.image, use: 'card', high: n === 0 }));
  const list = data as Partial<BrowseResult>;
  if (Array.isArray(list.products)) return list.products.slice(0, GRID_VISIBLE).map((p, n) => ({ image: p.image, use: 'card', high: n === 0 }));
  return [];
}

const started = new Set<string>();

/** Adds preload links for `items` (each once per page life); a no-op outside a browser. */
export function preloadImages(items: readonly PreloadItem[]): void {
  if (typeof document === 'undefined') return;
  for (const { image, use, high } of items) {
    const hint = preloadHint(image, use);
    const id = hint.srcset ?? hint.href;
    if (started.has(id)) continue;
    started.add(id);
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'image';
    link.href = hint.href;
    if (hint.srcset) link.setAttribute('imagesrcset', hint.srcset);
    if (hint.sizes) link.setAttribute('imagesizes', hint.sizes);
    if (hint.type) link.type = hint.type;
    if (high) link.setAttribute('fetchpriority', 'high');
    document.head.append(link);
  }
}

/** Preloads the first visible pictures of an API answer. */
export function preloadFirstImages(data: unknown): void {
  preloadImages(firstVisibleImages(data));
}
