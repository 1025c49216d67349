/**
 * Which pictures a page shows first, found by the shape of its API answer: the kit starts them the
 * moment the data arrives, and the server names the largest in the shell's `Link` header. One
 * choice for both, so the header and the page never ask for different pictures.
 */
import type { BrowseResult, HomeResult, Product, ProductImage } from './api-types';
import type { ImageUse } from './product-images';

/** A picture worth fetching ahead, where it is shown, and whether it is the page's largest. */
export interface PreloadItem {
  image: ProductImage;
  use: ImageUse;
  high: boolean;
}

/** Cards visible without scrolling on a phone: the first two rows of a grid, three cards of a rail. */
const GRID_VISIBLE = 4;
const RAIL_VISIBLE = 3;

/** The pictures a page shows first (none for answers of other shapes). */
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

/**
 * Where a loading layout's build-time render marks the slot for the page's largest picture
 * (decisions/0025): an HTML comment, which no text React renders can produce. The shell build turns
 * it into the level-2 placeholder `{{{lead}}}`, which the server fills per request (empty in the
 * worker's copy).
 */
export const LEAD_PICTURE_SLOT = '<!--lead-picture-->';

/** The box (intrinsic `width`/`height`) each use renders a picture in, as the kit's components do. */
export const PICTURE_BOX: Record<ImageUse, number> = { card: 200, gallery: 400, zoom: 1200, thumb: 96 };
