/** The benchmarks' own store: a seeded catalog under .cache, reused across runs. */
import path from 'node:path';
import { seedCatalogIfEmpty } from '../server/catalog/seed/index';
import { loadConfig } from '../server/config';
import { openStore } from '../server/store/database';
import { rootDir } from '../webpack/paths';

export const benchDataDir = path.join(rootDir, '.cache', 'bench-data');

/** Seeds the bench store if needed and returns the URL of one in-stock product page. */
export async function prepareBenchData(): Promise<{ productUrl: string; productTitle: string }> {
  const store = await openStore(loadConfig({ ...process.env, DATA_DIR: benchDataDir }));
  try {
    await seedCatalogIfEmpty(store, 2400);
    const row = await store.db.selectFrom('products').select(['id', 'slug', 'title']).where('stock', '>', 0).orderBy('id').executeTakeFirstOrThrow();
    return { productUrl: `/${row.slug}/p/${row.id}`, productTitle: row.title };
  } finally {
    await store.close();
  }
}
