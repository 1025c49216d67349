/** Per-request server rendering of a product page with its data: the baseline the shells must beat 3×. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Handlebars from 'handlebars';
import { getProduct } from '../../server/catalog/catalog-service';
import { createNonce } from '../../server/shells/nonce';
import { loadRelease } from '../../server/shells/load-release';
import type { Store } from '../../server/store/database';
import { rootDir, shellTemplate } from '../../webpack/paths';
import { runWebpack } from '../../webpack/run-webpack';
import { createServerConfig } from '../../webpack/server-config';
import { compileShellTemplate } from '../../webpack/shells';

const CONTENT_MARK = '<!--ssr-content-->';

/** Builds the renderer and returns `render(path)`, which reads the product and renders the whole document. */
export async function createProductSsr(store: Store, distDir: string): Promise<(pathname: string) => Promise<string>> {
  const outDir = path.join(rootDir, '.cache', 'bench-ssr');
  await runWebpack({ ...createServerConfig('home-browse-product', outDir), entry: { shell: path.join(rootDir, 'bench/ssr/page-ssr-entry.tsx') } });
  const require = createRequire(import.meta.url);
  const { renderPage } = require(path.join(outDir, 'shell.cjs')) as { renderPage(url: string, data: ReadonlyMap<string, unknown>): Promise<string> };

  // The same document around the content as the shop's product shell, with this release's URLs.
  const release = loadRelease(distDir, '');
  const main = release.apps.find((app) => app.app === 'home-browse-product')!;
  const base = `/static/apps/home-browse-product/${main.buildId}/client/`;
  const levelTwo = Handlebars.compile(compileShellTemplate(fs.readFileSync(shellTemplate, 'utf8'))({ content: CONTENT_MARK, title: 'Product', shell: 'product' }));
  const values = {
    release: `home-browse-product@${main.buildId}`,
    vendorjs: `/static/vendors/${release.vendors.hash}/${release.vendors.js}`,
    vendorcss: release.vendors.css ? `/static/vendors/${release.vendors.hash}/${release.vendors.css}` : null,
    appjs: base + main.entry.js[0],
    appcss: main.entry.css[0] ? base + main.entry.css[0] : null,
    routejs: (main.pages.product?.js ?? []).map((f) => base + f),
    routecss: (main.pages.product?.css ?? []).map((f) => base + f),
  };

  return async (pathname) => {
    const itemId = pathname.split('/').at(-1) ?? '';
    const product = await getProduct(store, itemId);
    const data = new Map<string, unknown>([[`catalog/products/${itemId}`, product]]);
    const content = await renderPage(pathname, data);
    return levelTwo({ ...values, nonce: createNonce() }).replace(CONTENT_MARK, () => content);
  };
}
