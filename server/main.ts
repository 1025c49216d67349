/**
 * `npm start`: builds what is not built, opens (migrates and seeds) the store, and serves the shop.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createApp } from './app';
import { shutDownGracefully } from './cluster/graceful-shutdown';
import { getHome } from './catalog/catalog-service';
import { seedCatalogIfEmpty } from './catalog/seed/index';
import { loadConfig } from './config';
import { createLogger } from './http/logger';
import { openStore } from './store/database';
import { distLayout } from '../shared/dist-layout';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { pretty: process.stdout.isTTY === true });
  if (!fs.existsSync(distLayout.vendorsPointer(config.distDir))) {
    logger.info('no build found: building the vendors bundle and every app (about a minute)');
    execFileSync(process.execPath, ['--import', 'tsx', path.resolve('webpack/build.ts')], {
      stdio: 'inherit',
      env: { ...process.env, DIST_DIR: config.distDir },
    });
  }
  const store = await openStore(config);
  const seeded = await seedCatalogIfEmpty(store, config.seedProducts);
  if (seeded.seeded) logger.info({ products: seeded.products }, 'seeded the catalog');
  const shop = await createApp({ config, store, logger, now: Date.now });
  // The shop's own listener, not Express's: shells and catalog reads are answered before the app.
  const server = http.createServer(shop.listener).listen(config.port, config.host, () => {
    const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
    logger.info(`storefront-lite is serving on http://${shown}:${config.port} (${store.dialect})`);
  });
  // The home page's products are what a first visitor sees: their drawings become photos first, in the background.
  void getHome(store).then(
    (home) => shop.photos.warm([...home.deals, ...home.topRated].map((product) => product.id)),
    (error: unknown) => logger.warn({ err: error }, 'could not queue the home page photos'),
  );
  shutDownGracefully(server, { drain: () => shop.drain(), close: () => shop.close().then(() => store.close()) }, { graceMs: config.shutdownGraceMs, logger });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
