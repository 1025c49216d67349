/**
 * `/sw.js` as served: the current release, as a one-line prefix, before the built worker. It is
 * recomputed only when something it depends on changes (a release pointer, the worker build, the
 * icons, the kill switch), so serving it is a Buffer write.
 */
import type { LoadedRelease } from '../shells/load-release';
import { SW_RELEASE_GLOBAL, type SwRelease } from '../../shared/sw-release';
import { precacheEntries } from './precache-manifest';
import type { WorkerBuild } from './worker-build';

export interface WorkerInputs {
  release: LoadedRelease;
  build: WorkerBuild;
  killed: boolean;
  offlinePage: string;
  manifest: string;
}

/** The worker's bytes for these inputs. */
export function renderWorker({ release, build, killed, offlinePage, manifest }: WorkerInputs): Buffer {
  const config: SwRelease = killed
    ? { release: release.key, killed: true, precache: [], tables: [] }
    : { release: release.key, killed: false, precache: precacheEntries({ release, icons: build.icons, offlinePage, manifest }), tables: release.tables };
  // JSON is valid JavaScript; `<` is escaped so the text can never close a script element.
  const prefix = `self.${SW_RELEASE_GLOBAL}=${JSON.stringify(config).replace(/</g, '\\u003c')};\n`;
  return Buffer.concat([Buffer.from(prefix, 'utf8'), build.code]);
}
