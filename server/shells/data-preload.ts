/**
 * The `Link: preload` header that starts a page's first data request together with its shell
 * (`RouteDef.data`): the page asks for the same path after its scripts run and gets this answer.
 * Only for URLs without a query string, whose data follows from the path alone. The page's largest
 * picture joins it when the server can name it (`LeadImageLink`, decisions/0022).
 */
import { dataPath } from '../../shared/route-table';
import type { CompiledMatch } from '../../shared/route-matcher';

/** The `Link` value preloading the lead picture of the page whose data is at `dataPath` (`catalog/…`), or null. */
export type LeadImageLink = (dataPath: string) => string | null;

/** The page's preloads: its data, then its lead picture if `leadImage` names one; null without data. */
export function dataPreloadLink(match: CompiledMatch, url: string, leadImage?: LeadImageLink): string | null {
  const path = preloadDataPath(match, url);
  if (path === null) return null;
  // `crossorigin` (anonymous, same-origin credentials) is how `fetch` asks by default.
  const data = `</api/${path}>; rel=preload; as=fetch; crossorigin`;
  const image = leadImage?.(path) ?? null;
  return image === null ? data : `${data}, ${image}`;
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
