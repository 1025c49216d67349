/** Which runtime cache, if any, a GET request belongs to. Pure, so it is tested without a worker. */

export type RequestKind = 'product' | 'search' | 'suggestion' | 'catalog' | 'image';

/** The kind of a same-origin GET, by path; null for anything the worker leaves to the network. */
export function requestKind(url: URL): RequestKind | null {
  const path = url.pathname;
  if (/^\/api\/catalog\/products\/[^/]+$/.test(path)) return 'product';
  if (path === '/api/catalog/search') return 'search';
  if (path === '/api/catalog/suggest') return 'suggestion';
  // Home, categories, browse pages and product lists: what a page needs around a cached product or search.
  if (/^\/api\/catalog\/(home|categories|browse\/[^/]+|products)$/.test(path)) return 'catalog';
  if (path.startsWith('/img/')) return 'image';
  return null;
}

/** The telemetry API's path prefix (ARCHITECTURE §6). */
export const TELEMETRY_PATH = '/foxtrot/';

/** Whether a request is a telemetry post (what a page sends with a beacon or keep-alive fetch). */
export function isTelemetryPost(url: URL, method: string, sameOrigin: boolean): boolean {
  return sameOrigin && method === 'POST' && url.pathname.startsWith(TELEMETRY_PATH);
}
