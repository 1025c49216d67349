/**
 * The `Link: preload` header that starts a page's first data request together with its shell
 * (`RouteDef.data`): the page asks for the same path after its scripts run and gets this answer.
 * Only for URLs without a query string, whose data follows from the path alone. The page's largest
 * picture joins it when the server can name it (`LeadImageFinder`, decisions/0025).
 */
import { dataPath } from '../../shared/route-table';
import type { CompiledMatch } from '../../shared/route-matcher';

/** The lead picture of the page whose data is at `dataPath` (`catalog/…`): its `Link` value and slot HTML, or null. */
export type LeadImageFinder = (dataPath: string) => { link: string; html: Buffer } | null;

/** The `Link` value of the page's data preload, or null. */
export function dataPreloadLink(match: CompiledMatch, url: string): string | null {
  return preloadLinkOf(preloadDataPath(match, url));
}

/** The `Link` value that preloads the data at `path` (under `/api/`), or null without one. */
export function preloadLinkOf(path: string | null): string | null {
  // `crossorigin` (anonymous, same-origin credentials) is how `fetch` asks by default.
  return path === null ? null : `</api/${path}>; rel=preload; as=fetch; crossorigin`;
}

/** The API path (under `/api/`) of the page's first data, or null for a query URL, no data or bad escapes. */
export function preloadDataPath(match: CompiledMatch, url: string): string | null {
  if (match.route.data === undefined || url.includes('?')) return null;
  const params: Record<string, string> = {};
  for (const [name, raw] of Object.entries(match.params)) {
    if (typeof raw !== 'string') continue;
    try {
      params[name] = decodeURIComponent(raw);
    } catch {
      return null; // Malformed escapes: the page will show its own error; nothing to preload.
    }
  }
  return dataPath(match.route.data, params);
}
