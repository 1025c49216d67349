/**
 * The built worker (`dist/sw/<hash>/sw.js`) and the icons, read from disk when their pointers move.
 * Pointers are re-read at most every two seconds, on demand, so a vendors deploy (which rebuilds the
 * worker) reaches `/sw.js` within seconds and the request path stays off the disk otherwise.
 */
import fs from 'node:fs';
import type { Logger } from 'pino';
import { distLayout } from '../../shared/dist-layout';
import { readPointer } from '../shells/release-manifest';

const RECHECK_MS = 2000;

export type IconName = 'icon-192' | 'icon-512' | 'maskable-192' | 'maskable-512' | 'apple-touch-icon';
export type IconIndex = Partial<Record<IconName, string>>;

export interface WorkerBuild {
  /** The build's hash (its folder name). */
  id: string;
  code: Buffer;
  icons: IconIndex;
}

/** Follows the current worker build; `current()` is null until `npm run build` has made one. */
export class WorkerBuildReader {
  private build: WorkerBuild | null = null;
  private checkedAt = -Infinity;
  private warned = false;

  constructor(
    private readonly distDir: string,
    private readonly logger: Logger,
    /** The worker build to serve: by default the dist folder's pointer; the release's when nodes follow the store. */
    private readonly pointer: () => string | null = () => readPointer(distLayout.workerPointer(distDir)),
  ) {}

  current(now = Date.now()): WorkerBuild | null {
    if (now - this.checkedAt >= RECHECK_MS) {
      this.checkedAt = now;
      this.reload();
    }
    return this.build;
  }

  private reload(): void {
    try {
      const id = this.pointer();
      if (!id) {
        if (!this.warned) this.logger.warn('no service worker build: run `npm run build` (pages work without one)');
        this.warned = true;
        this.build = null;
        return;
      }
      const icons = readIcons(this.distDir);
      if (this.build?.id === id && JSON.stringify(this.build.icons) === JSON.stringify(icons)) return;
      this.build = { id, code: fs.readFileSync(distLayout.workerFile(this.distDir, id)), icons };
    } catch (error) {
      this.logger.error({ err: error }, 'could not read the service worker build; keeping the previous one');
    }
  }
}

function readIcons(distDir: string): IconIndex {
  try {
    return JSON.parse(fs.readFileSync(distLayout.iconsIndex(distDir), 'utf8')) as IconIndex;
  } catch {
    return {};
  }
}
