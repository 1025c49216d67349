/**
 * Starts the first visible pictures of a page the moment its data arrives, before React renders
 * the cards that show them, with the same sources, `srcset` and `sizes` the pictures use (so the
 * browser reuses the response), the page's largest one at high priority.
 */
import { firstVisibleImages, type PreloadItem } from '../../../../shared/first-visible-images';
import { IMAGE_SIZES, PHOTO_FORMATS, photoMime, photoSrcset } from '../../../../shared/product-images';

export { firstVisibleImages, type PreloadItem };

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
