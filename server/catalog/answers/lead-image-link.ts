/**
 * The `Link: preload` of a page's largest picture, named in the shell response so the browser
 * starts it with the page instead of after the scripts, the data and React's render. It is read off
 * the same in-memory answer the page's data request gets (so it follows every catalog change as
 * that answer does) and picks what the kit's picture picks (`firstVisibleImages`, the same `srcset`
 * and `sizes`), so the page's own request is answered by the preloaded response.
 */
import querystring from 'node:querystring';
import { firstVisibleImages, type PreloadItem } from '../../../shared/first-visible-images';
import { IMAGE_SIZES, photoSrcset, photoUrl } from '../../../shared/product-images';
import type { CatalogAnswers } from './catalog-answers';
import { catalogReadMatcher } from './catalog-reads';
import type { EncodedAnswer } from './encoded-answer';

const API_CATALOG = 'catalog/';
/** Characters an image URL may carry into a header value (our own paths: no quotes, commas or spaces). */
const SAFE_URL = /^\/[A-Za-z0-9\-._~/?=&%]*$/;

/** The `Link` value that preloads one picture as the page will show it, or null for an unsafe URL. */
export function imagePreloadLink({ image, use, high }: PreloadItem): string | null {
  const priority = high ? '; fetchpriority=high' : '';
  const photo = image.photo;
  if (!photo) return SAFE_URL.test(image.url) ? `<${image.url}>; rel=preload; as=image${priority}` : null;
  const smallest = photo.widths[0];
  if (smallest === undefined || !/^[0-9a-f]+$/.test(photo.key)) return null;
  // AVIF only, typed: `<picture>` offers AVIF first, so a browser that shows AVIF fetches exactly
  // this width, and one that does not skips the hint instead of fetching a format it will not use.
  return `<${photoUrl(photo, smallest, 'avif')}>; rel=preload; as=image; type="image/avif"; imagesrcset="${photoSrcset(photo, 'avif')}"; imagesizes="${IMAGE_SIZES[use]}"${priority}`;
}

/** The preload of an answer's largest first-visible picture, or null if it shows none. */
export function leadImageLinkOf(data: unknown): string | null {
  const lead = firstVisibleImages(data).find((item) => item.high);
  return lead ? imagePreloadLink(lead) : null;
}

/**
 * For the shells (`ShellOptions.leadImageLink`): the lead picture's `Link` for a page's data path
 * (`catalog/products/itm…`), or null when that answer is not in memory yet (the shell is never held
 * up for it; the data preload builds it), the path is no catalog read, or its input is bad.
 */
export function leadImageLinks(answers: CatalogAnswers): (dataPath: string) => string | null {
  const matchRead = catalogReadMatcher();
  // Worked out once per answer built: a shell then costs a lookup, not a JSON parse.
  const links = new WeakMap<EncodedAnswer, string | null>();
  return (dataPath) => {
    if (!dataPath.startsWith(API_CATALOG)) return null;
    const cut = dataPath.indexOf('?');
    const path = '/' + (cut < 0 ? dataPath.slice(API_CATALOG.length) : dataPath.slice(API_CATALOG.length, cut));
    const query = cut < 0 ? '' : dataPath.slice(cut + 1);
    let answer: EncodedAnswer | Promise<EncodedAnswer>;
    try {
      const found = matchRead(path);
      if (!found) return null;
      answer = found.read.answer(answers, found.params, querystring.parse(query));
    } catch {
      return null; // Bad input (a malformed id, an unknown category): the page reports it, nothing to name.
    }
    if (answer instanceof Promise) {
      answer.catch(() => undefined); // The data request that follows gets the same answer, or its error.
      return null;
    }
    let link = links.get(answer);
    if (link === undefined) {
      link = leadImageLinkOf(JSON.parse(answer.identity.toString('utf8')));
      links.set(answer, link);
    }
    return link;
  };
}
