/**
 * `npm run deploy -- <app>`: builds one app and atomically makes it the current release.
 * `npm run deploy -- vendors`: builds the vendors bundle and switches every shell to it, if compatible.
 */
import { activateApp, activateVendors } from './activate';
import { buildApp } from './build-app';
import { buildServiceWorker } from './build-sw';
import { buildVendors } from './build-vendors';
import { fail, parseTargets } from './cli-args';
import { distDir } from './paths';
import { publishRelease } from './publish-release';

const USAGE = 'Usage: npm run deploy -- <home-browse-product|checkout|accounts|vendors>';

async function main(): Promise<void> {
  const targets = parseTargets(process.argv.slice(2), USAGE);
  if (targets.all) fail(`Name what to deploy.\n${USAGE}`);
  if (targets.vendors) {
    const vendors = await buildVendors();
    activateVendors(vendors);
    console.log(`deployed vendors ${vendors.hash}, service worker ${await buildServiceWorker()}`);
  }
  for (const app of targets.apps) {
    const manifest = await buildApp(app);
    activateApp(app, manifest.buildId);
    console.log(`deployed ${app} ${manifest.buildId}`);
  }
  const published = await publishRelease(distDir());
  if (published) console.log(`published to the store, every node follows within seconds: ${published}`);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
