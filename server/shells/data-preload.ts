/**
 * The `Link: preload` header that starts a page's first data request together with its shell
 * (`RouteDef.data`): the page asks for the same path after its scripts run and gets this answer.
 * Only for URLs without a query string, whose data follows from the path alone.
 */
import { dataPath } from '../../shared/route-table';
import type { CompiledMatch } from '../../shared/route-matcher';

export function dataPreloadLink(match: CompiledMatch, url: string): string | null {
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
  const path = dataPath(match.route.data, params);
  // `crossorigin` (anonymous, same-origin credentials) is how `fetch` asks by default.
  return path === null ? null : `</api/${path}>; rel=preload; as=fetch; crossorigin`;
}
