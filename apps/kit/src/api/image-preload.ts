/**
 * Starts the first visible pictures of a page the moment its data arrives, before React renders
 * the cards that show them, with the same sources, `srcset` and `sizes` the pictures use (so the
 * browser reuses the response), the page's largest one at high priority.
 */
import type { BrowseResult, HomeResult, Product, ProductImage } from '../../../../shared/api-types';
import { IMAGE_SIZES, PHOTO_FORMATS, photoMime, photoSrcset, type ImageUse } from '../../../../shared/product-images';

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
/** Pictures still loading: held so that nothing collects them before their responses arrive. */
const loading = new Set<HTMLImageElement>();

/**
 * Starts `items` (each once per page life); a no-op outside a browser. Each is a detached
 * `<picture>` built like the one the page will render (same sources, `srcset`, `sizes`), so the
 * browser picks the same format and width and the rendered picture reuses the response; unlike a
 * `<link rel=preload>`, one the shopper navigates away from before it shows warns about nothing.
 */
export function preloadImages(items: readonly PreloadItem[]): void {
  if (typeof document === 'undefined') return;
  for (const { image, use, high } of items) {
    const id = image.photo ? image.photo.key : image.url;
    if (started.has(id)) continue;
    started.add(id);
    const picture = document.createElement('picture');
    if (image.photo) {
      for (const format of PHOTO_FORMATS) {
        const source = document.createElement('source');
        source.type = photoMime(format);
        source.srcset = photoSrcset(image.photo, format);
        source.sizes = IMAGE_SIZES[use];
        picture.append(source);
      }
    }
    const img = document.createElement('img');
    img.decoding = 'async';
    if (high) img.fetchPriority = 'high';
    const done = () => loading.delete(img);
    img.addEventListener('load', done, { once: true });
    img.addEventListener('error', done, { once: true });
    picture.append(img);
    loading.add(img);
    // Set last: the sources are in place when the image's source selection runs.
    img.src = image.url;
  }
}

/** Preloads the first visible pictures of an API answer. */
export function preloadFirstImages(data: unknown): void {
  preloadImages(firstVisibleImages(data));
}
