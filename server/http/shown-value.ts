/**
 * Request values as text for messages and options. `String(x)` throws on `{"toString": ""}` (an
 * object whose toString is no function), which anyone can post: these never throw.
 */

/** Any JSON value as text a message can quote: a string as is, anything else as JSON. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The value when it is a string, otherwise `fallback`: for options such as a sort order. */
export function textOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
