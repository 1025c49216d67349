/**
 * A page's largest picture, named by its shell response (decisions/0025): a `Link: preload`, so the
 * browser starts it with the page instead of after the scripts, the data and React's render, and
 * the `<picture>` for the loading layout's lead slot, so it shows before any script has run. It is
 * read off the same in-memory answer the page's data request gets (so it follows every catalog
 * change as that answer does) and picks what the kit's picture picks (`firstVisibleImages`, the
 * same `srcset` and `sizes`), so one response serves the hint, the slot and the page.
 */
import querystring from 'node:querystring';
import { BoundedMemo } from '../../http/bounded-memo';
import { firstVisibleImages, PICTURE_BOX, type PreloadItem } from '../../../shared/first-visible-images';
import { IMAGE_SIZES, photoMime, photoSrcset, photoUrl, PHOTO_FORMATS } from '../../../shared/product-images';
import type { CatalogAnswers } from './catalog-answers';
import { catalogReadMatcher, type MatchedRead } from './catalog-reads';
import type { EncodedAnswer } from './encoded-answer';

const API_CATALOG = 'catalog/';
/** Data paths remembered at most (a release's pages are a bounded set; see BoundedMemo). */
const MAX_REMEMBERED = 4096;
/** Characters an image URL may carry into a header value (our own paths: no quotes, commas or spaces). */
const SAFE_URL = /^\/[A-Za-z0-9\-._~/?=&%]*$/;

/** A data path's read, parameters and query, as matched once. */
interface Resolved extends MatchedRead {
  query: querystring.ParsedUrlQuery;
  /** The lead picture last found for the path, and the answers' generation it was found at. */
  seen: { generation: number; lead: LeadImage | null } | null;
}

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

/**
 * The picture as the kit's `ProductPicture` renders it (same sources, `srcset`, `sizes`, box), for
 * the lead slot: decorative there (the slot is hidden from assistive tech while the page loads).
 * Null when `imagePreloadLink` refuses the URL (the same checks keep the markup well-formed).
 */
export function leadPictureHtml(item: PreloadItem): string | null {
  if (imagePreloadLink(item) === null) return null;
  const { image, use } = item;
  const box = PICTURE_BOX[use];
  const img = `<img class="pp-photo" src="${image.url}" alt="" width="${box}" height="${box}" fetchpriority="high" decoding="async">`;
  const photo = image.photo;
  if (!photo) return img;
  const sources = PHOTO_FORMATS.map((format) => `<source type="${photoMime(format)}" srcset="${photoSrcset(photo, format)}" sizes="${IMAGE_SIZES[use]}">`).join('');
  return `<picture class="pp">${sources}${img}</picture>`;
}

/** What a shell response carries of its page's lead picture. */
export interface LeadImage {
  /** The `Link` header value that preloads it. */
  link: string;
  /** Its `<picture>` for the loading layout's lead slot, as UTF-8. */
  html: Buffer;
}

/** The lead picture of an answer (its largest first-visible one), or null if it shows none. */
export function leadImageOf(data: unknown): LeadImage | null {
  const lead = firstVisibleImages(data).find((item) => item.high);
  const link = lead ? imagePreloadLink(lead) : null;
  const html = lead ? leadPictureHtml(lead) : null;
  return link === null || html === null ? null : { link, html: Buffer.from(html, 'utf8') };
}

/** The preload of an answer's largest first-visible picture, or null if it shows none. */
export function leadImageLinkOf(data: unknown): string | null {
  return leadImageOf(data)?.link ?? null;
}

/**
 * For the shells (`ShellOptions.leadImage`): the lead picture for a page's data path
 * (`catalog/products/itm…`), or null when that answer is not in memory yet (the shell is never held
 * up for it; the data preload builds it), the path is no catalog read, or its input is bad.
 */
export function leadImages(answers: CatalogAnswers): (dataPath: string) => LeadImage | null {
  const matchRead = catalogReadMatcher();
  /** Which read a data path names, with its parameters and query: matched once per path. */
  const resolved = new BoundedMemo((dataPath): Resolved | null => {
    if (!dataPath.startsWith(API_CATALOG)) return null;
    const cut = dataPath.indexOf('?');
    const found = matchRead('/' + (cut < 0 ? dataPath.slice(API_CATALOG.length) : dataPath.slice(API_CATALOG.length, cut)));
    return found && { ...found, query: querystring.parse(cut < 0 ? '' : dataPath.slice(cut + 1)), seen: null };
  }, MAX_REMEMBERED);
  // Worked out once per answer built: a shell then costs a lookup, not a JSON parse.
  const leads = new WeakMap<EncodedAnswer, LeadImage | null>();
  return (dataPath) => {
    const found = resolved.get(dataPath);
    if (!found) return null;
    // No change applied since this path's picture was found: the answer it came from is still current,
    // so a shell costs no input check and no cache lookup (the data request that follows does both).
    const generation = answers.generation;
    if (found.seen !== null && found.seen.generation === generation) return found.seen.lead;
    let answer: EncodedAnswer | Promise<EncodedAnswer>;
    try {
      answer = found.read.answer(answers, found.params, found.query);
    } catch {
      // Bad input (a malformed id, an unknown category): the page reports it, nothing to name.
      found.seen = { generation, lead: null };
      return null;
    }
    if (answer instanceof Promise) {
      answer.catch(() => undefined); // The data request that follows gets the same answer, or its error.
      return null;
    }
    let lead = leads.get(answer);
    if (lead === undefined) {
      lead = leadImageOf(JSON.parse(answer.identity.toString('utf8')));
      leads.set(answer, lead);
    }
    found.seen = { generation, lead };
    return lead;
  };
}
