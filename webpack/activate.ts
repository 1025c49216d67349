/** Activating releases: switching an app's or the vendors' current pointer, with the checks that make it safe. */
import fs from 'node:fs';
import path from 'node:path';
import {
  appManifestSchema,
  readManifest,
  readPointer,
  vendorsIncompatibilities,
  writePointer,
  type AppManifest,
  type VendorsManifest,
} from '../server/shells/release-manifest';
import { APPS, distDir, type App } from './paths';
import { distLayout } from '../shared/dist-layout';

/** Makes `buildId` the current release of `app`; running servers switch on their next request. */
export function activateApp(app: App, buildId: string): void {
  const dist = distDir();
  if (!fs.existsSync(distLayout.appManifest(dist, app, buildId))) {
    throw new Error(`There is no build ${buildId} of ${app}.`);
  }
  writePointer(distLayout.appPointer(dist, app), buildId);
}

/** The manifest of an app's current release, or null when it has never been activated. */
export function currentAppManifest(app: App): AppManifest | null {
  const dist = distDir();
  const buildId = readPointer(distLayout.appPointer(dist, app));
  return buildId ? readManifest(distLayout.appManifest(dist, app, buildId), appManifestSchema) : null;
}

/**
 * Switches every shell to a new vendors bundle, but only when each active app can run on it;
 * otherwise throws, naming the apps to rebuild and why.
 */
export function activateVendors(vendors: VendorsManifest, options: { rebuildingApps?: boolean } = {}): void {
  const problems: string[] = [];
  // A full build rebuilds every app against this bundle next, so today's apps need not fit it.
  for (const app of options.rebuildingApps ? [] : APPS) {
    const manifest = currentAppManifest(app);
    if (!manifest) continue;
    const reasons = vendorsIncompatibilities(vendors, manifest.vendors);
    if (reasons.length > 0) problems.push(`  ${app}: ${reasons.join('; ')} (rebuild it with \`npm run deploy -- ${app}\`)`);
  }
  if (problems.length > 0) {
    throw new Error(`Vendors build ${vendors.hash} is not compatible with the active apps:\n${problems.join('\n')}`);
  }
  writePointer(distLayout.vendorsPointer(distDir()), vendors.hash);
}
