/** Where to go after logging in: only a path of this shop, never another site. */

const FALLBACK = '/accounts';

/**
 * `?next=` as a same-origin path, or "/accounts". Refuses absolute and protocol-relative URLs
 * ("//evil.example", "/\evil.example" which browsers read as "//"), schemes, control characters
 * and the login pages themselves (which would loop).
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000) return FALLBACK;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return FALLBACK;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(raw, 'https://shop.invalid');
  } catch {
    return FALLBACK;
  }
  if (url.origin !== 'https://shop.invalid') return FALLBACK;
  if (/^\/accounts\/(login|verify|password|forgot)(\/|$)/.test(url.pathname)) return FALLBACK;
  return url.pathname + url.search + url.hash;
}

/** "?next=…" to carry the destination through the login pages, or "" for the default one. */
export function nextQuery(next: string): string {
  return next === FALLBACK ? '' : `?next=${encodeURIComponent(next)}`;
}

/** Whether a path belongs to this app (a client-side navigation) or another one (a full load). */
export function isAccountsPath(path: string): boolean {
  return path === '/accounts' || path.startsWith('/accounts/') || path.startsWith('/accounts?');
}
