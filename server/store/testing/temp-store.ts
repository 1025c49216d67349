/** A store of its own for a unit test suite, in a temporary folder that is gone afterwards. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { openStore, type Store } from '../database';

/** The suite's store and its folder, readable once the suite's first `before` hook has run. */
export interface TempStore {
  readonly store: Store;
  readonly dir: string;
}

/**
 * Opens an embedded store in a fresh folder (named from `prefix`) before the calling suite's
 * tests, and closes it and removes the folder after them. Call it in a `describe` body.
 */
export function useTempStore(prefix: string): TempStore {
  let opened: TempStore | undefined;
  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    opened = { dir, store: await openStore({ dataDir: dir }) };
  });
  after(async () => {
    if (!opened) return;
    await opened.store.close();
    fs.rmSync(opened.dir, { recursive: true, force: true });
  });
  const current = (): TempStore => {
    if (!opened) throw new Error('the temporary store opens in the suite’s before hook');
    return opened;
  };
  return {
    get store() {
      return current().store;
    },
    get dir() {
      return current().dir;
    },
  };
}
