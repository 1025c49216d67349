/**
 * After a deploy or a full build: with DATABASE_URL set (many nodes on one PostgreSQL), writes the
 * dist folder's pointers to the store in one transaction, and every node switches to the whole
 * release within a second or so (decisions/0017). On one machine the pointer files are enough.
 */
import { loadConfig } from '../server/config';
import { publishPointers, readFilePointers } from '../server/shells/release-pointers';
import { openStore } from '../server/store/database';

/** Publishes the release `dist` points at; answers what it published, or null with no shared store. */
export async function publishRelease(dist: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (!env.DATABASE_URL) return null;
  const store = await openStore(loadConfig(env));
  try {
    const pointers = readFilePointers(dist);
    await publishPointers(store.db, pointers, Date.now());
    return [`vendors@${pointers.vendors}`, ...Object.entries(pointers.apps).map(([app, id]) => `${app}@${id}`), `sw@${pointers.sw}`].join(' ');
  } finally {
    await store.close();
  }
}
