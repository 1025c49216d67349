/**
 * Holds the current release in memory and swaps it, whole, when its pointers move. On one machine
 * the pointers are the dist folder's files (a file watch reacts at once, a slow poll covers file
 * systems without events); on PostgreSQL every node follows the store's pointers, polled every
 * second, so `npm run deploy` on any machine reaches every node within seconds (decisions/0017).
 * Requests never touch the disk or the store.
 */
import fs from 'node:fs';
import type { Logger } from 'pino';
import { loadRelease, type LoadedRelease } from './load-release';
import { pointersKey, publishPointers, readFilePointers, readStorePointers, type ReleasePointers } from './release-pointers';
import { distLayout } from '../../shared/dist-layout';
import type { Store } from '../store/database';

const FILE_POLL_MS = 2000;
/** How often a node asks the store which release to serve. */
export const STORE_POLL_MS = 1000;

export interface RegistryOptions {
  distDir: string;
  assetBaseUrl: string;
  logger: Logger;
  /** Follow this store's pointers (many nodes) instead of the dist folder's files. */
  store?: Store | undefined;
}

export class ReleaseRegistry {
  private state: LoadedRelease;
  /** The pointers last asked for that could not be loaded (their builds are not on this node's disk yet). */
  private pending: { key: string; error: string } | null = null;
  private readonly watchers: fs.FSWatcher[] = [];
  private readonly poll: NodeJS.Timeout;
  private checking = false;

  private constructor(
    private readonly options: RegistryOptions,
    initial: LoadedRelease,
  ) {
    this.state = initial;
    if (options.store) {
      this.poll = setInterval(() => void this.followStore(), STORE_POLL_MS);
    } else {
      const check = (): void => this.reloadIfChanged();
      for (const dir of this.watchedDirs()) {
        try {
          this.watchers.push(fs.watch(dir, check));
        } catch {
          // The poll below still notices changes in folders that cannot be watched.
        }
      }
      this.poll = setInterval(check, FILE_POLL_MS);
    }
    this.poll.unref();
  }

  /** Loads the current release; throws a message naming what to build when there is none. */
  static async open(options: RegistryOptions): Promise<ReleaseRegistry> {
    if (!options.store) return new ReleaseRegistry(options, loadRelease(options.distDir, options.assetBaseUrl));
    // The first node on a store offers the release its disk has; every later one follows the store's.
    await publishPointers(options.store.db, readFilePointers(options.distDir), Date.now(), { onlyIfEmpty: true });
    const pointers = (await readStorePointers(options.store.db)) ?? readFilePointers(options.distDir);
    return new ReleaseRegistry(options, loadRelease(options.distDir, options.assetBaseUrl, pointers));
  }

  /** The release serving requests right now. */
  get current(): LoadedRelease {
    return this.state;
  }

  /** For `/readyz`: the release this node serves; a release it cannot load yet is said, not failed (it keeps serving a whole one). */
  health(): { ok: true; id: string } | { ok: false; error: string } {
    return { ok: true, id: this.pending ? `${this.state.key} (cannot load ${this.pending.key} yet: ${this.pending.error})` : this.state.key };
  }

  /** Re-reads the dist folder's pointers and, if any moved, loads the new release (keeping the old one on failure). */
  reloadIfChanged(): void {
    let pointers: ReleasePointers;
    try {
      pointers = readFilePointers(this.options.distDir);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not read release pointers');
      return;
    }
    this.switchTo(pointers);
  }

  /** Asks the store which release to serve and switches to it; a failed read keeps the current one. */
  async followStore(): Promise<void> {
    if (this.checking || !this.options.store) return;
    this.checking = true;
    try {
      const pointers = await readStorePointers(this.options.store.db);
      if (pointers) this.switchTo(pointers);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not read the release pointers from the store');
    } finally {
      this.checking = false;
    }
  }

  close(): void {
    clearInterval(this.poll);
    for (const watcher of this.watchers) watcher.close();
  }

  private switchTo(pointers: ReleasePointers): void {
    const key = pointersKey(pointers);
    if (key === this.state.key) {
      this.pending = null;
      return;
    }
    try {
      this.state = loadRelease(this.options.distDir, this.options.assetBaseUrl, pointers);
      this.pending = null;
      this.options.logger.info({ release: this.state.key }, 'switched release');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (this.pending?.key !== key) this.options.logger.error({ err: error }, 'new release could not be loaded; still serving the previous one');
      this.pending = { key, error: message };
    }
  }

  private watchedDirs(): string[] {
    const { distDir } = this.options;
    const dirs = [distLayout.vendorsRoot(distDir), ...this.state.apps.map((app) => distLayout.appRoot(distDir, app.app))];
    return dirs.filter((dir) => fs.existsSync(dir));
  }
}
