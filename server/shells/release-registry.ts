/**
 * Holds the current release in memory and swaps it when a deploy moves a pointer: a file watch
 * reacts at once, a slow poll covers file systems without events. Requests never touch the disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { loadRelease, readPointers, type LoadedRelease } from './load-release';
import { distLayout } from '../../shared/dist-layout';

const POLL_MS = 2000;

export interface RegistryOptions {
  distDir: string;
  assetBaseUrl: string;
  logger: Logger;
}

export class ReleaseRegistry {
  private state: LoadedRelease;
  private readonly watchers: fs.FSWatcher[] = [];
  private readonly poll: NodeJS.Timeout;

  private constructor(
    private readonly options: RegistryOptions,
    initial: LoadedRelease,
  ) {
    this.state = initial;
    const check = (): void => this.reloadIfChanged();
    for (const dir of this.watchedDirs()) {
      try {
        this.watchers.push(fs.watch(dir, check));
      } catch {
        // The poll below still notices changes in folders that cannot be watched.
      }
    }
    this.poll = setInterval(check, POLL_MS);
    this.poll.unref();
  }

  /** Loads the current release; throws a message naming what to build when there is none. */
  static async open(options: RegistryOptions): Promise<ReleaseRegistry> {
    return new ReleaseRegistry(options, loadRelease(options.distDir, options.assetBaseUrl));
  }

  /** For `/readyz`: the release this node serves. */
  health(): { ok: true; id: string } | { ok: false; error: string } {
    return { ok: true, id: this.state.key };
  }

  /** The release serving requests right now. */
  get current(): LoadedRelease {
    return this.state;
  }

  /** Re-reads the pointers and, if any moved, loads the new release (keeping the old one on failure). */
  reloadIfChanged(): void {
    let key: string;
    try {
      key = readPointers(this.options.distDir);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not read release pointers');
      return;
    }
    if (key === this.state.key) return;
    try {
      this.state = loadRelease(this.options.distDir, this.options.assetBaseUrl);
      this.options.logger.info({ release: this.state.key }, 'switched release');
    } catch (error) {
      this.options.logger.error({ err: error }, 'new release could not be loaded; still serving the previous one');
    }
  }

  close(): void {
    clearInterval(this.poll);
    for (const watcher of this.watchers) watcher.close();
  }

  private watchedDirs(): string[] {
    const { distDir } = this.options;
    const dirs = [distLayout.vendorsRoot(distDir), ...this.state.apps.map((app) => distLayout.appRoot(distDir, app.app))];
    return dirs.filter((dir) => fs.existsSync(dir));
  }
}
