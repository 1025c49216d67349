/**
 * Bytes a first visit downloads for each route type: vendors + app entry + the route's chunks,
 * JavaScript and CSS, brotli and gzip, from the active builds' pre-compressed files.
 * Budgets for a product page: JS ≤ 120 KB br in total, ≤ 25 KB of it app code; CSS ≤ 15 KB br.
 * Target for every route: first-visit JS ≤ 85 KB br. The vendors build's async chunks (what the
 * kit loads after the page's load: worker bridge, web-vitals, IndexedDB, push card) are printed
 * apart: they are downloaded on a first visit too, but never before first paint.
 * Run: npx tsx bench/bundle-bytes.ts   (after npm run build)
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadRelease } from '../server/shells/load-release';
import { distDir } from '../webpack/paths';
import { distLayout } from '../shared/dist-layout';

const KB = 1024;
/** First-visit JavaScript of any route, brotli (issue 12). */
const ROUTE_JS_TARGET_KB = 85;
const size = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).size : 0);

function main(): void {
  const dist = distDir();
  const release = loadRelease(dist, '');
  const vendorsDir = distLayout.vendorsDir(dist, release.vendors.hash);
  const vendorsFile = (name: string | null, ext: string): number => (name ? size(path.join(vendorsDir, name + ext)) : 0);
  const vendorJs = { br: vendorsFile(release.vendors.js, '.br'), gz: vendorsFile(release.vendors.js, '.gz') };
  const vendorCss = { br: vendorsFile(release.vendors.css, '.br'), gz: vendorsFile(release.vendors.css, '.gz') };
  const laterJs = release.vendors.chunks.filter((file) => file.endsWith('.js'));
  const later = { br: laterJs.reduce((total, file) => total + vendorsFile(file, '.br'), 0), gz: laterJs.reduce((total, file) => total + vendorsFile(file, '.gz'), 0) };
  const overRoutes: string[] = [];

  console.log('First-visit bytes per route type (KB; brotli, gzip in brackets)\n');
  console.log('  app/route                      vendors JS   app JS         total JS        CSS');
  let productLine: { total: number; app: number; css: number } | null = null;
  for (const app of release.apps) {
    const clientDir = path.join(distLayout.appDir(dist, app.app, app.buildId), 'client');
    const sum = (files: string[], ext: string): number => files.reduce((total, file) => total + size(path.join(clientDir, file + ext)), 0);
    for (const { shell } of app.shells) {
      const page = app.pages[shell] ?? { js: [], css: [] };
      const js = [...app.entry.js, ...page.js];
      const css = [...app.entry.css, ...page.css];
      const appBr = sum(js, '.br');
      const appGz = sum(js, '.gz');
      const cssBr = vendorCss.br + sum(css, '.br');
      const cssGz = vendorCss.gz + sum(css, '.gz');
      const fmt = (br: number, gz: number): string => `${(br / KB).toFixed(1)} (${(gz / KB).toFixed(1)})`.padEnd(15);
      console.log(`  ${`${app.app}/${shell}`.padEnd(30)} ${fmt(vendorJs.br, vendorJs.gz)}${fmt(appBr, appGz)}${fmt(vendorJs.br + appBr, vendorJs.gz + appGz)}${fmt(cssBr, cssGz)}`);
      if (vendorJs.br + appBr > ROUTE_JS_TARGET_KB * KB) overRoutes.push(`${app.app}/${shell}`);
      if (app.app === 'home-browse-product' && shell === 'product') productLine = { total: vendorJs.br + appBr, app: appBr, css: cssBr };
    }
  }
  console.log(`\n  after load (vendors async chunks, JS): ${(later.br / KB).toFixed(1)} (${(later.gz / KB).toFixed(1)}) in ${laterJs.length} files, not counted above`);
  console.log(`  first-visit JS ≤ ${ROUTE_JS_TARGET_KB} KB br on every route: ${overRoutes.length ? `${overRoutes.length} over (${overRoutes.join(', ')})` : 'met'}`);
  if (productLine) {
    const check = (label: string, value: number, budget: number): void =>
      console.log(`  ${label.padEnd(28)} ${(value / KB).toFixed(1).padStart(6)} KB of ${budget} KB  (${((value / (budget * KB)) * 100).toFixed(0)}%)  ${value <= budget * KB ? 'within budget' : 'OVER BUDGET'}`);
    console.log('\nProduct page, first visit:');
    check('JavaScript, total (br)', productLine.total, 120);
    check('JavaScript, app code (br)', productLine.app, 25);
    check('CSS (br)', productLine.css, 15);
  }
}

main();
