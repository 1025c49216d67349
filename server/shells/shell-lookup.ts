/**
 * URL path → the shell to send and its `Link: preload` value, remembered per release. Matching the
 * route tables and building the preload link cost more than sending the shell's bytes, and a
 * storefront's traffic goes to a bounded set of pages, so each path is worked out once.
 */
import { BoundedMemo } from '../http/bounded-memo';
import { preloadDataPath, preloadLinkOf } from './data-preload';
import { shellFor, type LoadedRelease } from './load-release';
import type { PreparedShell } from './prepared-shell';

/** What a page path resolves to: its shell, and the preload of its data when it has one. */
export interface ShellLookup {
  shell: PreparedShell;
  preload: string | null;
  /** The data's API path (`catalog/…`) when it is preloaded: what the lead picture is read from. */
  dataPath: string | null;
}

/** Paths remembered per release at most (see BoundedMemo). */
const MAX_REMEMBERED = 4096;
/** Longer paths are worked out every time rather than kept. */
const MAX_REMEMBERED_PATH = 512;

/** A release's remembered paths; a new release starts empty and the old one's are let go with it. */
const remembered = new WeakMap<LoadedRelease, BoundedMemo<ShellLookup | null>>();

/** Works out what `pathname` resolves to in `release`. */
function resolve(release: LoadedRelease, pathname: string): ShellLookup | null {
  const match = shellFor(release, pathname);
  if (!match) return null;
  const dataPath = preloadDataPath(match.match, pathname);
  return { shell: match.shell, preload: preloadLinkOf(dataPath), dataPath };
}

/**
 * The shell of `pathname` in `release`, or null when no route matches; `withQuery` says the request
 * target had a query string, whose data does not follow from the path alone (no preload then).
 */
export function lookUpShell(release: LoadedRelease, pathname: string, withQuery: boolean): ShellLookup | null {
  let paths = remembered.get(release);
  if (!paths) remembered.set(release, (paths = new BoundedMemo((path) => resolve(release, path), MAX_REMEMBERED, MAX_REMEMBERED_PATH)));
  const found = paths.get(pathname);
  if (found && withQuery && found.preload !== null) return { shell: found.shell, preload: null, dataPath: null };
  return found;
}
