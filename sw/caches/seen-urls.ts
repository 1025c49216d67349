/**
 * Which of the URLs a page says it loaded before the worker controlled it belong in the runtime
 * caches: same-origin requests of a kind the worker caches (pictures, catalog data), each once, at
 * most a batch's worth. Pure, so it is tested in Node.
 */
import { requestKind, type RequestKind } from '../routing/request-kind';

/** A page may send many; more than the caches hold would only evict each other. */
export const MAX_SEEN_URLS = 80;

/** The cacheable URLs of `urls` (untrusted: a page's message) on `origin`, in order, without repeats. */
export function seenUrls(urls: unknown, origin: string): Array<{ url: string; kind: RequestKind }> {
  if (!Array.isArray(urls)) return [];
  const wanted = new Map<string, RequestKind>();
  for (const candidate of urls) {
    if (wanted.size >= MAX_SEEN_URLS) break;
    if (typeof candidate !== 'string' || candidate.length > 2048) continue;
    let url: URL;
    try {
      url = new URL(candidate, origin);
    } catch {
      continue;
    }
    const kind = url.origin === origin ? requestKind(url) : null;
    if (kind === null) continue;
    url.hash = '';
    wanted.set(url.href, kind);
  }
  return [...wanted].map(([url, kind]) => ({ url, kind }));
}
