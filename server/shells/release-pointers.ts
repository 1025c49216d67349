/**
 * Which build each output serves (the vendors bundle, every app, the worker): one snapshot, read
 * as a whole, so a node never loads half of one release and half of another. On disk, the
 * pointers are the dist folder's `current.json` files; on PostgreSQL (many nodes), the store's
 * `release_pointers` rows, which `npm run deploy` writes in one transaction and every node
 * follows (decisions/0017).
 */
import type { Kysely } from 'kysely';
import { APPS, type AppName } from '../../shared/apps';
import { distLayout } from '../../shared/dist-layout';
import type { Database } from '../store/schema';
import { readPointer } from './release-manifest';

export interface ReleasePointers {
  vendors: string | null;
  apps: Record<AppName, string | null>;
  /** The service worker's build. */
  sw: string | null;
}

/** One string that changes whenever any pointer does. */
export function pointersKey(pointers: ReleasePointers): string {
  return [pointers.vendors ?? '-', ...APPS.map((app) => pointers.apps[app] ?? '-'), pointers.sw ?? '-'].join(',');
}

/** The pointers the dist folder's `current.json` files name. */
export function readFilePointers(distDir: string): ReleasePointers {
  const apps = Object.fromEntries(APPS.map((app) => [app, readPointer(distLayout.appPointer(distDir, app))])) as Record<AppName, string | null>;
  return { vendors: readPointer(distLayout.vendorsPointer(distDir)), apps, sw: readPointer(distLayout.workerPointer(distDir)) };
}

const rowName = { vendors: 'vendors', sw: 'sw', app: (app: AppName) => `app:${app}` };

/** The pointers the store names, in one read; null when nothing was ever published there. */
export async function readStorePointers(db: Kysely<Database>): Promise<ReleasePointers | null> {
  const rows = await db.selectFrom('release_pointers').select(['name', 'build_id']).execute();
  if (rows.length === 0) return null;
  const byName = new Map(rows.map((row) => [row.name, row.build_id]));
  const apps = Object.fromEntries(APPS.map((app) => [app, byName.get(rowName.app(app)) ?? null])) as Record<AppName, string | null>;
  return { vendors: byName.get(rowName.vendors) ?? null, apps, sw: byName.get(rowName.sw) ?? null };
}

/**
 * Makes `pointers` the store's release, in one transaction: every node switches to all of it at
 * once. With `onlyIfEmpty`, writes nothing when a release was published before (a first start
 * offering what its disk has).
 */
export async function publishPointers(db: Kysely<Database>, pointers: ReleasePointers, now: number, options: { onlyIfEmpty?: boolean } = {}): Promise<boolean> {
  const rows = [
    { name: rowName.vendors, build_id: pointers.vendors },
    ...APPS.map((app) => ({ name: rowName.app(app), build_id: pointers.apps[app] })),
    { name: rowName.sw, build_id: pointers.sw },
  ].filter((row): row is { name: string; build_id: string } => row.build_id !== null);
  return db.transaction().execute(async (trx) => {
    if (options.onlyIfEmpty && (await trx.selectFrom('release_pointers').select('name').limit(1).executeTakeFirst())) return false;
    for (const row of rows) {
      await trx
        .insertInto('release_pointers')
        .values({ ...row, updated_at: now })
        .onConflict((oc) => (options.onlyIfEmpty ? oc.column('name').doNothing() : oc.column('name').doUpdateSet({ build_id: row.build_id, updated_at: now })))
        .execute();
    }
    return true;
  });
}
