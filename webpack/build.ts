/**
 * `npm run build`: the vendors bundle and every app, each activated (a full build is a fresh start).
 * `npm run build -- --app checkout`: one app against the active vendors build, not activated.
 */
import { activateApp, activateVendors } from './activate';
import { buildApp } from './build-app';
import { buildConsole } from './build-console';
import { buildServiceWorker } from './build-sw';
import { buildVendors } from './build-vendors';
import { fail, parseTargets } from './cli-args';
import { distDir } from './paths';
import { publishRelease } from './publish-release';

const USAGE = 'Usage: npm run build [-- --app <home-browse-product|checkout|accounts|vendors>]';

async function main(): Promise<void> {
  const targets = parseTargets(process.argv.slice(2), USAGE);
  const started = Date.now();
  if (targets.vendors) {
    const vendors = await buildVendors();
    console.log(`vendors   ${vendors.hash}  ${vendors.js}`);
    if (targets.all) activateVendors(vendors, { rebuildingApps: true });
  }
  for (const app of targets.apps) {
    const manifest = await buildApp(app);
    if (targets.all) activateApp(app, manifest.buildId);
    console.log(`${app.padEnd(20)} ${manifest.buildId}  ${manifest.shells.map((s) => s.shell).join(', ')}`);
  }
  if (targets.all) console.log(`sw                   ${await buildServiceWorker()}  (service worker, served at /sw.js with the current release)`);
  if (targets.all) console.log(`ops-console          ${(await buildConsole()).hash}  (operators' console, served at /ops/console)`);
  const published = targets.all ? await publishRelease(distDir()) : null;
  if (published) console.log(`published to the store: ${published}`);
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s${targets.all ? ', activated' : ' (activate with npm run deploy)'}`);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
