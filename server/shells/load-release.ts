/** Reads the active vendors build and every app's current release from disk into prepared shells. */
import fs from 'node:fs';
import path from 'node:path';
import { APPS_IN_MATCH_ORDER, type AppName } from '../../shared/apps';
import type { RouteTable } from '../../shared/route-table';
import { PreparedShell, type ReleaseValues } from './prepared-shell';
import { compileRoutes, type CompiledMatch } from '../../shared/route-matcher';
import {
  appManifestSchema,
  readManifest,
  vendorsManifestSchema,
  type AppManifest,
  type VendorsManifest,
} from './release-manifest';
import { distLayout } from '../../shared/dist-layout';
import { pointersKey, readFilePointers, type ReleasePointers } from './release-pointers';

export interface LoadedRelease {
  /** Pointer ids this state was built from; a change in any means reload. */
  key: string;
  /** The builds this release is made of (the worker's too). */
  pointers: ReleasePointers;
  vendors: VendorsManifest;
  apps: AppManifest[];
  tables: RouteTable[];
  match: (pathname: string) => CompiledMatch | null;
  shells: Map<string, PreparedShell>;
  notFound: PreparedShell | null;
  /** Every URL a browser may fetch for this release (the worker precaches them). */
  assetUrls: string[];
}

/** The ids the dist folder's pointers name right now; cheap enough to poll. */
export function readPointers(distDir: string): string {
  return pointersKey(readFilePointers(distDir));
}

/** Loads and prepares everything `pointers` (by default the dist folder's) name. Throws if anything is missing. */
export function loadRelease(distDir: string, assetBaseUrl: string, pointers: ReleasePointers = readFilePointers(distDir)): LoadedRelease {
  const key = pointersKey(pointers);
  const vendorsHash = pointers.vendors;
  if (!vendorsHash) throw new Error(`No active vendors build in ${distDir}: run \`npm run build\`.`);
  const vendors = readManifest(distLayout.vendorsManifest(distDir, vendorsHash), vendorsManifestSchema);
  const vendorsBase = `${assetBaseUrl}/static/vendors/${vendors.hash}/`;
  const shells = new Map<string, PreparedShell>();
  const apps: AppManifest[] = [];
  const assetUrls = [vendorsBase + vendors.js, ...(vendors.css ? [vendorsBase + vendors.css] : []), ...vendors.chunks.map((file) => vendorsBase + file)];
  let notFound: PreparedShell | null = null;

  for (const app of APPS_IN_MATCH_ORDER) {
    const buildId = pointers.apps[app];
    if (!buildId) throw new Error(`App ${app} has no active release: run \`npm run build\` or \`npm run deploy -- ${app}\`.`);
    const dir = distLayout.appDir(distDir, app, buildId);
    const manifest = readManifest(distLayout.appManifest(distDir, app, buildId), appManifestSchema);
    apps.push(manifest);
    const appBase = `${assetBaseUrl}/static/apps/${app}/${buildId}/client/`;
    const url = (file: string): string => appBase + file;
    assetUrls.push(...manifest.entry.js.map(url), ...manifest.entry.css.map(url));
    for (const { shell, status } of manifest.shells) {
      const page = manifest.pages[shell] ?? { js: [], css: [] };
      assetUrls.push(...page.js.map(url), ...page.css.map(url));
      const values: ReleaseValues = {
        release: `${app}@${buildId} vendors@${vendors.hash}`,
        vendorjs: vendorsBase + vendors.js,
        vendorcss: vendors.css ? vendorsBase + vendors.css : null,
        appjs: url(manifest.entry.js[0]!),
        appcss: manifest.entry.css[0] ? url(manifest.entry.css[0]) : null,
        routejs: page.js.map(url),
        routecss: page.css.map(url),
      };
      const source = fs.readFileSync(path.join(dir, 'shells', `${shell}.hbs`), 'utf8');
      const prepared = new PreparedShell(shell, status, source, values);
      if (status === 404) notFound = prepared;
      else shells.set(`${app}/${shell}`, prepared);
    }
  }
  const tables = apps.map((manifest) => ({ app: manifest.app as AppName, routes: manifest.routes }));
  return { key, pointers, vendors, apps, tables, match: compileRoutes(tables), shells, notFound, assetUrls };
}

/** The prepared shell for a URL path, or null when no app owns it. */
export function shellFor(release: LoadedRelease, pathname: string): { match: CompiledMatch; shell: PreparedShell } | null {
  const match = release.match(pathname);
  if (!match) return null;
  const shell = release.shells.get(`${match.app}/${match.route.shell}`);
  return shell ? { match, shell } : null;
}
