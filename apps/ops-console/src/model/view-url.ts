/**
 * Unsaved views travel in the URL: the dashboard JSON, UTF-8, base64url, in the fragment
 * (`#view=…`) so it never reaches server logs and is not limited by request-line sizes.
 */
import type { DashboardDoc } from './widget';

const PREFIX = '#view=';

export function encodeView(doc: DashboardDoc): string {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The view in a URL fragment, or null when there is none or it is damaged. */
export function decodeView(hash: string): DashboardDoc | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const binary = atob(hash.slice(PREFIX.length).replace(/-/g, '+').replace(/_/g, '/'));
    const doc = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as Partial<DashboardDoc>;
    if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.widgets)) return null;
    return { name: typeof doc.name === 'string' ? doc.name : 'Untitled', description: typeof doc.description === 'string' ? doc.description : '', widgets: doc.widgets };
  } catch {
    return null;
  }
}
