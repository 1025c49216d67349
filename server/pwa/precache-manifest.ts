/**
 * The precache list of a release: every hashed asset (the URL is its version), every shell at its
 * stable URL and the offline page and manifest (versioned by a hash of their bytes), and the icons.
 * Deploying any app changes at least one entry, hence the bytes of `/sw.js`.
 */
import crypto from 'node:crypto';
import { shellUrl, SW_URLS, type PrecacheEntry } from '../../shared/sw-release';
import type { LoadedRelease } from '../shells/load-release';
import type { IconIndex } from './worker-build';

const EMPTY = Buffer.alloc(0);

/** A short content hash, as a precache revision. */
export function revisionOf(bytes: Buffer | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

export interface PrecacheInputs {
  release: LoadedRelease;
  icons: IconIndex;
  offlinePage: string;
  manifest: string;
}

/** Every entry, each URL once, in a stable order. */
export function precacheEntries({ release, icons, offlinePage, manifest }: PrecacheInputs): PrecacheEntry[] {
  const entries = new Map<string, string | null>();
  for (const url of release.assetUrls) entries.set(url, null);
  for (const [key, shell] of [...release.shells].sort(([a], [b]) => a.localeCompare(b))) {
    const [app, name] = key.split('/') as [string, string];
    // The shell without a nonce: what changes with the release, not with each response.
    entries.set(shellUrl(app, name), revisionOf(shell.render(EMPTY)));
  }
  entries.set(SW_URLS.offline, revisionOf(offlinePage));
  entries.set(SW_URLS.manifest, revisionOf(manifest));
  for (const file of Object.values(icons).sort()) entries.set(`/icons/${file}`, null);
  return [...entries].map(([url, revision]) => ({ url, revision }));
}
