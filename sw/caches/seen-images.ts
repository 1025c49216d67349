/**
 * Which of the URLs a page says it loaded before the worker controlled it belong in the picture
 * cache: same-origin pictures only, each once, at most a cache's worth. Pure, so it is tested in Node.
 */
import { requestKind } from '../routing/request-kind';

/** A page may send many; more than the picture cache holds would only evict each other. */
export const MAX_SEEN_IMAGES = 60;

/** The picture URLs of `urls` (untrusted: a page's message) on `origin`, in order, without repeats. */
export function seenImageUrls(urls: unknown, origin: string): string[] {
  if (!Array.isArray(urls)) return [];
  const wanted = new Set<string>();
  for (const candidate of urls) {
    if (wanted.size >= MAX_SEEN_IMAGES) break;
    if (typeof candidate !== 'string' || candidate.length > 2048) continue;
    let url: URL;
    try {
      url = new URL(candidate, origin);
    } catch {
      continue;
    }
    if (url.origin !== origin || requestKind(url) !== 'image') continue;
    url.hash = '';
    wanted.add(url.href);
  }
  return [...wanted];
}
