/** The shopper's recently viewed products: a most-recent-first list of ids kept in localStorage. */

/** How many products the list keeps. */
export const RECENTLY_VIEWED_MAX = 20;
const STORAGE_KEY = 'sf.recentlyViewed';
const ID_PATTERN = /^itm[0-9a-f]{13}$/;

/** `id` moved to the front of `list`, without duplicates, cut to `max` entries. */
export function pushRecent(list: readonly string[], id: string, max = RECENTLY_VIEWED_MAX): string[] {
  return [id, ...list.filter((other) => other !== id)].slice(0, max);
}

/** Stored text → list; anything malformed (another version, a hand edit) counts as empty. */
export function parseRecent(raw: string | null, max = RECENTLY_VIEWED_MAX): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    const ids = value.filter((id): id is string => typeof id === 'string' && ID_PATTERN.test(id));
    return [...new Set(ids)].slice(0, max);
  } catch {
    return [];
  }
}

/** The ids of the recently viewed products; empty where storage is blocked. Call only after mount. */
export function readRecentlyViewed(): string[] {
  try {
    return parseRecent(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return [];
  }
}

/** Forgets every recently viewed product (sign-out on a shared device). */
export function clearRecentlyViewed(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Blocked storage holds nothing to forget.
  }
}

/** Records a product view; silently skipped where storage is full or blocked (private modes). */
export function recordRecentlyViewed(id: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(pushRecent(readRecentlyViewed(), id)));
  } catch {
    // Nothing to do: recently viewed is a nicety, never worth an error.
  }
}
